using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Posts;

namespace Ruche.Core.Records;

/// <summary>A union's own account of a meeting or a negotiation: a post in its space that links to the official record, labelled unofficial.</summary>
public sealed record UnionReportView(long PostId, string UnionName, string Excerpt, DateTime At);

/// <summary>
/// Live union reports beside the official record: the posts in union spaces that link to it, as the viewer may read
/// them (the post's own rule), shown apart and labelled "compte rendu syndical — non officiel". Nothing is stored:
/// the union writes in its space without any prior validation and links to the record.
/// </summary>
public sealed class UnionReports(RucheDbContext db)
{
    public async Task<IReadOnlyList<UnionReportView>> AboutAsync(Viewer viewer, string path, CancellationToken cancellationToken)
    {
        var candidates = await db.Posts.VisibleTo(viewer.PersonId)
            .Where(p => p.HiddenAt == null && p.Body.Contains(path))
            .Join(db.Set<Union>(), p => p.SpaceId, u => u.SpaceId, (p, u) => new { p.Id, u.Name, p.Body, p.CreatedAt })
            .OrderByDescending(p => p.CreatedAt).Take(20)
            .ToListAsync(cancellationToken);

        // "/records/1" must not match a link to "/records/12".
        var link = new Regex(Regex.Escape(path) + @"(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return [.. candidates.Where(p => link.IsMatch(p.Body))
            .Select(p => new UnionReportView(p.Id, p.Name, Excerpt(MarkdownContent.PlainText(p.Body)), p.CreatedAt))];
    }

    private static string Excerpt(string text) => text.Length <= 280 ? text : string.Concat(text.AsSpan(0, 279), "…");
}
