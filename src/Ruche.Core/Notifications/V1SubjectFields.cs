namespace Ruche.Core.Notifications;

/// <summary>
/// The fields a notification carried before subjects (API v1 and the export): kept for the clients written against
/// them, derived from the subject. A subject kind added since appears only as its kind and id.
/// </summary>
public static class V1SubjectFields
{
    public const string Post = "post";
    public const string SpaceModeration = "space-moderation";
    public const string Event = "event";

    public static long? PostId(string kind, long id) => kind == Post ? id : null;

    public static long? SpaceId(string kind, long id) => kind == SpaceModeration ? id : null;

    public static long? EventId(string kind, long id) => kind == Event ? id : null;
}
