using Ruche.Core.Notifications;

namespace Ruche.Core.Wiki;

/// <summary>What pages tell people (registered by <c>AddWiki()</c>).</summary>
public static class WikiNotifications
{
    /// <summary>Someone named in a page's text by a save (only those the save names anew).</summary>
    public static readonly NotificationKind Mentioned = new("page-mention", WikiPageSubject.Instance);

    /// <summary>A comment under a page its contributors wrote.</summary>
    public static readonly NotificationKind Commented = new("page-commented", WikiPageSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Mentioned, Commented];
}
