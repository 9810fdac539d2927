using Ruche.Core.Data;

namespace Ruche.Core.Influence;

/// <summary>
/// One feature's A→B interactions for the influence graph (ADR 24). Each feature that creates such acts registers one
/// source per kind of act in its own <c>Add…()</c> (<c>services.AddInteractionSource&lt;T&gt;()</c>).
/// <para>
/// A source is read for 10 million interactions in seconds, so it never loads entities: it runs one projected,
/// untracked query (<c>AsNoTracking</c>, a <c>Select</c> of ids and the time) and writes each row into the sink,
/// which keeps compact columns. Sources run in parallel, each with its own <see cref="RucheDbContext"/>.
/// </para>
/// <para>
/// A source leaves out what never enters the graph: acts in union and staff-representation spaces
/// (<c>space.KeepsMembersPrivate()</c>), anything of the social dialogue (<c>Dialogue</c>) and of the reporting
/// channel (<c>Reporting</c>), hidden content, and content Ruche wrote itself. The sink refuses them again.
/// </para>
/// </summary>
public interface IInteractionSource
{
    /// <summary>A stable lower-case name, for logs and the run's figures ("reactions", "comments"…).</summary>
    string Name { get; }

    /// <summary>Writes every interaction made in <paramref name="window"/> into <paramref name="sink"/>.</summary>
    Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken);
}

/// <summary>Where sources write. Not thread-safe: each source gets its own.</summary>
public interface IInteractionSink
{
    /// <summary>
    /// A→B: <paramref name="kind"/> made at <paramref name="at"/>, about content in space <paramref name="spaceId"/>
    /// (null for a profile post or an act about no content) and post <paramref name="postId"/> (whose tags are its
    /// topics, declared with <see cref="TagPost"/>). Self-interactions and people outside the graph are dropped here.
    /// </summary>
    void Add(InteractionKind kind, long fromPersonId, long toPersonId, DateTime at, long? spaceId, long? postId);

    /// <summary>
    /// A→B about post <paramref name="postId"/>, B being <paramref name="toPersonId"/> or, when null, the post's author.
    /// The post's author and space are not read with the act (a join per act was most of the load at 10 million acts):
    /// they come from <see cref="DeclarePost"/>, and an act about a post that no source declared is dropped.
    /// </summary>
    void AddAboutPost(InteractionKind kind, long fromPersonId, long? toPersonId, DateTime at, long postId);

    /// <summary>
    /// Declares a post acts may be about: visible, written by a person (<paramref name="authorId"/>), in
    /// <paramref name="spaceId"/> (null for a profile post). A post in a union or staff-representation space is refused
    /// here, and so is every act about it.
    /// </summary>
    void DeclarePost(long postId, long authorId, long? spaceId);

    /// <summary>Declares that <paramref name="postId"/> carries <paramref name="tag"/> (normalised): interactions about it belong to that topic.</summary>
    void TagPost(long postId, string tag);
}

/// <summary>The period read: acts made at or after <see cref="From"/> and at or before <see cref="To"/> (the computation's time).</summary>
public readonly record struct InteractionWindow(DateTime From, DateTime To);
