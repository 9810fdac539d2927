using Microsoft.EntityFrameworkCore;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;

namespace Ruche.Core.Posts;

/// <summary>
/// Posts as a subject: company-wide (<see cref="PostQueries.IsCompanyWide"/>) or read by the active members of their
/// space; once a moderator hid one, only its author and its space's moderators (<see cref="PostQueries.IsReadableWhileHiddenBy"/>).
/// <see cref="PostQueries.VisibleTo"/> is this rule, so feeds, search, notifications and live messages read one definition.
/// The reverse half stays the space's active members even once a post is hidden: listing only its moderators and
/// author needs a correlated subquery SQLite cannot run, and live messages carry ids and counts only, never content
/// (what they make a page fetch is read through the forward rule).
/// </summary>
public sealed class PostSubject() : SubjectKind<Post>(
    Kind,
    p => p.Id,
    p => p.HiddenAt == null && p.IsCompanyWide(),
    (p, personId) => (p.HiddenAt == null && p.Space!.HasActiveMember(personId)) || (p.HiddenAt != null && p.IsReadableWhileHiddenBy(personId)),
    p => p.Space!.ActiveMemberIds())
{
    public const string Kind = "post";

    public static readonly PostSubject Instance = new();

    /// <summary>How much of a post a notification line quotes.</summary>
    public const int ExcerptLength = 140;

    /// <summary>A post's page, titled by the start of its text (the line of a notification quotes it).</summary>
    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        // Read the rendered text (mentions carry names, not handles), more than is quoted: tags are dropped before cutting.
        var starts = await db.Posts.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Start = p.BodyHtml.Substring(0, ExcerptLength * 8) })
            .ToListAsync(cancellationToken);
        return starts.ToDictionary(p => p.Id, p => new SubjectLink($"/posts/{p.Id}", MarkdownContent.ExcerptOfHtml(p.Start, ExcerptLength)));
    }
}
