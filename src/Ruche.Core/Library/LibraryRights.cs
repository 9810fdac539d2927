namespace Ruche.Core.Library;

/// <summary>What a reader may do in a space's library: shown on its pages, checked by <see cref="LibraryService"/>.</summary>
/// <param name="Organise">Upload files and new versions, create and rename folders.</param>
public sealed record LibraryPermissions(bool Organise, bool Moderate);

/// <summary>
/// Who may do what in a library, decided once (ADR 11): whoever may post in the space uploads and organises; its owners
/// and moderators delete anything; an author deletes what they added (a file, an empty folder).
/// </summary>
public static class LibraryRights
{
    public static LibraryPermissions Of(bool mayPost, bool moderates) => new(mayPost, moderates);

    public static bool MayDelete(LibraryPermissions can, bool isAuthor) => can.Moderate || (isAuthor && can.Organise);
}
