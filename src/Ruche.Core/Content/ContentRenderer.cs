using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Content;

/// <summary>What a post or comment becomes when saved: safe HTML, its tags and the people it mentions.</summary>
public sealed record RenderedContent(string Html, IReadOnlySet<string> Tags, IReadOnlyList<long> MentionedPersonIds);

/// <summary>Renders Markdown with mentions resolved against the directory (one query per text): a mention shows the person's name.</summary>
public sealed class ContentRenderer(RucheDbContext db, MarkdownContent markdown)
{
    public async Task<RenderedContent> RenderAsync(string body, CancellationToken cancellationToken)
    {
        var parsed = MarkdownContent.Parse(body);
        var handles = parsed.Handles.ToList();
        var mentioned = handles.Count == 0
            ? []
            : await db.People.Where(p => handles.Contains(p.Handle) && p.IsActive)
                .Select(p => new { p.Id, p.Handle, p.DisplayName })
                .ToListAsync(cancellationToken);
        var known = mentioned.ToDictionary(p => p.Handle, p => p.DisplayName, StringComparer.Ordinal);
        return new RenderedContent(markdown.RenderHtml(parsed, known), parsed.Tags, mentioned.Select(p => p.Id).ToList());
    }
}
