using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Wiki;

/// <summary>A page as a space's list shows it (with its parent, so the list draws the tree).</summary>
public sealed record WikiPageCard(long Id, long? ParentId, string Title, string Slug, string Path, bool IsTemplate, int Revisions, PersonRef UpdatedBy, DateTime UpdatedAt);

/// <summary>A page in the breadcrumb or the children list.</summary>
public sealed record WikiPageLink(long Id, string Title, string Path);

/// <summary>A page as its reader sees it, with what the viewer may do (<see cref="WikiRights"/>; moving it takes <see cref="CanEdit"/>).</summary>
public sealed record WikiPageView(
    long Id,
    SpaceRef Space,
    string Title,
    string Slug,
    string Path,
    string Text,
    string Html,
    int Number,
    bool IsTemplate,
    PersonRef CreatedBy,
    DateTime CreatedAt,
    PersonRef UpdatedBy,
    DateTime UpdatedAt,
    IReadOnlyList<WikiPageLink> Breadcrumb,
    IReadOnlyList<WikiPageLink> Children,
    IReadOnlyList<WikiCommentView> Comments,
    IReadOnlyList<WikiFileView> Files,
    bool CanEdit,
    bool CanMakeTemplate,
    bool CanDelete);

public sealed record WikiCommentView(long Id, PersonRef Author, string BodyHtml, DateTime CreatedAt);

public sealed record WikiFileView(Guid Id, string FileName, string ContentType, long Length, string Path, PersonRef? AddedBy, DateTime AddedAt);

/// <summary>One line of a page's history.</summary>
public sealed record WikiRevisionCard(int Number, string Title, PersonRef Author, DateTime CreatedAt, string? Summary, int BaseNumber, bool Merged, int? RestoredFrom, int LinesAdded, int LinesRemoved);

/// <summary>A revision's whole text.</summary>
public sealed record WikiRevisionView(long PageId, int Number, string Title, string Text, PersonRef Author, DateTime CreatedAt, string? Summary);

/// <summary>A template a new page may start from: one of Ruche's (<see cref="Name"/> set) or a page of the space (<see cref="PageId"/> set).</summary>
public sealed record WikiTemplate(string? Name, long? PageId, string? Title);

/// <summary>A new page: title, Markdown, the page it sits under, and whether it is a template of the space.</summary>
public sealed record NewWikiPage(string? Title, string? Text, long? ParentId, bool IsTemplate, string? Summary);

/// <summary>A save: the revision the editor started from, and what they send.</summary>
public sealed record WikiSave(int? BaseNumber, string? Title, string? Text, string? Summary);

public enum WikiSaveOutcome
{
    /// <summary>Nobody saved meanwhile: the text became the next revision as sent.</summary>
    Saved,

    /// <summary>Someone saved meanwhile on other lines: both changes are in the new revision.</summary>
    Merged,

    /// <summary>The text is the latest revision's already: nothing was written.</summary>
    Unchanged,

    /// <summary>Someone saved meanwhile on the same lines: nothing was written; the editor resolves <see cref="WikiSaveResult.Conflict"/>.</summary>
    Conflict,
}

/// <param name="Number">The latest revision after the save (the new one, or the one that stands).</param>
/// <param name="MergedRevisions">The revisions saved meanwhile that a merge took in.</param>
public sealed record WikiSaveResult(WikiSaveOutcome Outcome, long PageId, int Number, string Path, IReadOnlyList<WikiRevisionCard> MergedRevisions, WikiConflict? Conflict);

/// <summary>
/// A save that met another on the same lines: their text (the latest revision), mine (as sent), and the text with each
/// conflicting stretch marked for the editor to resolve and send again from <see cref="LatestNumber"/>.
/// </summary>
public sealed record WikiConflict(int BaseNumber, int LatestNumber, string TheirTitle, string Theirs, string MyTitle, string Mine, string Marked, int Conflicts, IReadOnlyList<WikiRevisionCard> TheirRevisions);
