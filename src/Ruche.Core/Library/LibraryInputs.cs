using Ruche.Core.Common;

namespace Ruche.Core.Library;

/// <summary>The limits of a library's names and tree, checked before any change.</summary>
public static class LibraryInputs
{
    public const int NameMaxLength = 120;

    /// <summary>How deep folders nest (a root folder is at depth 1).</summary>
    public const int MaxDepth = 8;

    /// <summary>A folder's name: trimmed, 1 to <see cref="NameMaxLength"/> characters, no slash or control character.</summary>
    public static string FolderName(string? typed)
    {
        var name = Input.Text(typed);
        if (name.Length == 0)
        {
            throw RucheException.Invalid("library.folder-name-empty", "A folder needs a name.");
        }

        if (name.Length > NameMaxLength)
        {
            throw RucheException.Invalid("library.folder-name-too-long", $"A folder's name holds at most {NameMaxLength} characters.");
        }

        if (name.Any(c => char.IsControl(c) || c is '/' or '\\') || name is "." or "..")
        {
            throw RucheException.Invalid("library.folder-name-invalid", "A folder's name has no slash and no control character.");
        }

        return name;
    }
}
