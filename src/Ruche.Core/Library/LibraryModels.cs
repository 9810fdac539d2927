using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Library;

/// <summary>One version of a library file. <see cref="Downloads"/> is set for its uploader only.</summary>
public sealed record LibraryVersionView(
    long Id,
    int Number,
    Guid StoredFileId,
    string FileName,
    string ContentType,
    long Length,
    PersonRef UploadedBy,
    DateTime UploadedAt,
    int? Downloads);

/// <summary>A file as a folder lists it: its latest version, how many there are, and whether the reader may delete it.</summary>
public sealed record LibraryFileRow(long Id, string Name, long? FolderId, int VersionCount, LibraryVersionView Latest, bool CanDelete);

/// <summary>A folder as its parent lists it.</summary>
public sealed record LibraryFolderView(long Id, string Name, long? ParentId, int Folders, int Files, bool CanRename, bool CanDelete)
{
    public bool IsEmpty => Folders == 0 && Files == 0;
}

/// <summary>A step of the path from the library's root to a folder.</summary>
public sealed record LibraryCrumb(long Id, string Name);

/// <summary>A folder of a space's library (the root when <see cref="Folder"/> is null): its subfolders and files.</summary>
public sealed record LibraryListing(
    SpaceRef Space,
    LibraryFolderView? Folder,
    IReadOnlyList<LibraryCrumb> Path,
    IReadOnlyList<LibraryFolderView> Folders,
    IReadOnlyList<LibraryFileRow> Files,
    LibraryPermissions Can);

/// <summary>A library file with every version, newest first.</summary>
public sealed record LibraryFileDetail(
    long Id,
    SpaceRef Space,
    string Name,
    long? FolderId,
    IReadOnlyList<LibraryCrumb> Path,
    IReadOnlyList<LibraryVersionView> Versions,
    bool CanUpload,
    bool CanDelete)
{
    /// <summary>Every folder of the space, by its path ("Projets / 2027"), for moving the file (empty unless <see cref="CanDelete"/>).</summary>
    public IReadOnlyList<LibraryCrumb> Folders { get; init; } = [];
}

/// <summary>A photo of the space gallery: the image, what it shows, the post it came with.</summary>
public sealed record GalleryPhoto(Guid FileId, string? AltText, long PostId, PersonRef? Author, DateTime PostedAt);
