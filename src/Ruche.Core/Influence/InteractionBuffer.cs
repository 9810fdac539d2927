namespace Ruche.Core.Influence;

/// <summary>
/// The sink one source writes into: compact columns (person indexes, a weight already decayed, space and post ids),
/// nothing per interaction on the heap. It is also the graph's first line of refusal (ADR 24): an act whose space is a
/// union or staff-representation space, by or towards someone outside the graph (left it, inactive, erased), to
/// oneself, of an unknown kind or outside the window never gets in, whatever the source wrote. An act about a post waits
/// for the posts every source declared (<see cref="Resolve"/>): its receiver (the post's author) and space come from
/// there, and an act about a post nobody declared is dropped.
/// </summary>
public sealed class InteractionBuffer : IInteractionSink
{
    private readonly GraphMembers members;
    private readonly IReadOnlySet<long> refusedSpaces;
    private readonly InfluenceWeights weights;
    private readonly InteractionWindow window;
    private readonly long[] kindCounts = new long[256];

    /// <summary>In <see cref="Space"/>: the act is about a post whose space is not resolved yet.</summary>
    private const long Unresolved = -1;

    /// <summary>In <see cref="To"/>: the receiver is the post's author, not resolved yet.</summary>
    private const int PostAuthor = -1;

    private long unresolved;

    internal InteractionBuffer(GraphMembers members, IReadOnlySet<long> refusedSpaces, InfluenceWeights weights, InteractionWindow window)
    {
        this.members = members;
        this.refusedSpaces = refusedSpaces;
        this.weights = weights;
        this.window = window;
    }

    internal Column<int> From { get; } = new();

    internal Column<int> To { get; } = new();

    internal Column<float> Weight { get; } = new();

    /// <summary>The space of the content the act is about; 0 for none.</summary>
    internal Column<long> Space { get; } = new();

    /// <summary>The post the act is about; 0 for none.</summary>
    internal Column<long> Post { get; } = new();

    internal Column<byte> Kind { get; } = new();

    internal List<(long PostId, string Tag)> PostTags { get; } = [];

    /// <summary>Posts acts may be about: id, the author's index (−1 outside the graph) and space (0 for none).</summary>
    internal Column<long> DeclaredPosts { get; } = new();

    internal Column<int> DeclaredAuthors { get; } = new();

    internal Column<long> DeclaredSpaces { get; } = new();

    /// <summary>Interactions kept.</summary>
    public long Count => From.Count;

    /// <summary>Interactions the buffer refused (union or staff-representation space, person outside the graph, self, window).</summary>
    public long Refused { get; private set; }

    public long CountOf(InteractionKind kind) => kindCounts[(byte)kind];

    public void Add(InteractionKind kind, long fromPersonId, long toPersonId, DateTime at, long? spaceId, long? postId)
    {
        var weight = InfluenceWeights.Of(kind);
        if (weight <= 0
            || fromPersonId == toPersonId
            || at < window.From || at > window.To
            || (spaceId is { } space && refusedSpaces.Contains(space))
            || !members.TryIndex(fromPersonId, out var from)
            || !members.TryIndex(toPersonId, out var to))
        {
            Refused++;
            return;
        }

        Append(from, to, weight * weights.Decay(at, window.To), spaceId ?? 0, postId ?? 0, kind);
        kindCounts[(byte)kind]++;
    }

    public void AddAboutPost(InteractionKind kind, long fromPersonId, long? toPersonId, DateTime at, long postId)
    {
        var weight = InfluenceWeights.Of(kind);
        var to = PostAuthor;
        if (weight <= 0
            || postId <= 0
            || at < window.From || at > window.To
            || !members.TryIndex(fromPersonId, out var from)
            || (toPersonId is { } receiver && (receiver == fromPersonId || !members.TryIndex(receiver, out to))))
        {
            Refused++;
            return;
        }

        Append(from, to, weight * weights.Decay(at, window.To), Unresolved, postId, kind);
        unresolved++;
    }

    public void DeclarePost(long postId, long authorId, long? spaceId)
    {
        if (postId <= 0 || (spaceId is { } space && refusedSpaces.Contains(space)))
        {
            return;
        }

        DeclaredPosts.Add(postId);
        DeclaredAuthors.Add(members.TryIndex(authorId, out var author) ? author : -1);
        DeclaredSpaces.Add(spaceId ?? 0);
    }

    /// <summary>
    /// Gives each act about a post its post's space and, when it goes to the post's author, that author; drops acts about
    /// posts no source declared, to an author outside the graph, or by the author to themself. Kept acts stay in order.
    /// </summary>
    internal void Resolve(PostDirectory posts)
    {
        if (unresolved == 0)
        {
            return;
        }

        long kept = 0;
        for (long i = 0; i < Count; i++)
        {
            var from = From[i];
            var to = To[i];
            var space = Space[i];
            var kind = Kind[i];
            if (space == Unresolved)
            {
                if (!posts.TryFind(Post[i], out var author, out space) || (to == PostAuthor && (author < 0 || author == from)))
                {
                    Refused++;
                    continue;
                }

                to = to == PostAuthor ? author : to;
                kindCounts[kind]++;
            }

            if (kept != i)
            {
                From[kept] = from;
                Weight[kept] = Weight[i];
                Post[kept] = Post[i];
                Kind[kept] = kind;
            }

            To[kept] = to;
            Space[kept] = space;
            kept++;
        }

        From.Truncate(kept);
        To.Truncate(kept);
        Weight.Truncate(kept);
        Space.Truncate(kept);
        Post.Truncate(kept);
        Kind.Truncate(kept);
        unresolved = 0;
    }

    private void Append(int from, int to, float weight, long space, long post, InteractionKind kind)
    {
        From.Add(from);
        To.Add(to);
        Weight.Add(weight);
        Space.Add(space);
        Post.Add(post);
        Kind.Add((byte)kind);
    }

    public void TagPost(long postId, string tag) => PostTags.Add((postId, tag));
}
