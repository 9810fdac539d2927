namespace Ruche.Core.Influence;

/// <summary>
/// The posts acts may be about, as the sources declared them (<see cref="IInteractionSink.DeclarePost"/>): each post's
/// author (index in the graph, −1 outside it) and space. Read once per run instead of joined to every act.
/// </summary>
internal sealed class PostDirectory
{
    /// <summary>By post id when ids are dense enough (an identity column): the author's index + 2 (0: not declared).</summary>
    private readonly int[]? denseAuthors;
    private readonly long[]? denseSpaces;
    private readonly Dictionary<long, (int Author, long Space)>? posts;

    private PostDirectory(IReadOnlyList<InteractionBuffer> buffers)
    {
        long count = 0;
        long maxId = 0;
        foreach (var buffer in buffers)
        {
            count += buffer.DeclaredPosts.Count;
            for (long i = 0; i < buffer.DeclaredPosts.Count; i++)
            {
                maxId = Math.Max(maxId, buffer.DeclaredPosts[i]);
            }
        }

        var dense = maxId < (4 * count) + 1024;
        if (dense)
        {
            denseAuthors = new int[maxId + 1];
            denseSpaces = new long[maxId + 1];
        }
        else
        {
            posts = new Dictionary<long, (int, long)>(checked((int)count));
        }

        foreach (var buffer in buffers)
        {
            for (long i = 0; i < buffer.DeclaredPosts.Count; i++)
            {
                var id = buffer.DeclaredPosts[i];
                if (dense)
                {
                    denseAuthors![id] = buffer.DeclaredAuthors[i] + 2;
                    denseSpaces![id] = buffer.DeclaredSpaces[i];
                }
                else
                {
                    posts![id] = (buffer.DeclaredAuthors[i], buffer.DeclaredSpaces[i]);
                }
            }
        }
    }

    public static PostDirectory Of(IReadOnlyList<InteractionBuffer> buffers) => new(buffers);

    /// <summary>The declared post's author index (−1: outside the graph) and space (0: none); false when not declared.</summary>
    public bool TryFind(long postId, out int author, out long space)
    {
        if (denseAuthors is null)
        {
            var found = posts!.TryGetValue(postId, out var post);
            (author, space) = found ? post : (-1, 0);
            return found;
        }

        if ((ulong)postId >= (ulong)denseAuthors.Length || denseAuthors[postId] == 0)
        {
            (author, space) = (-1, 0);
            return false;
        }

        author = denseAuthors[postId] - 2;
        space = denseSpaces![postId];
        return true;
    }
}
