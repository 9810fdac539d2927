namespace Ruche.Core.Files;

/// <summary>
/// Files under a folder of the data directory, named by id only: <c>ab/abcd…</c> for the main content and
/// <c>ab/abcd….thumb</c> for a rendition. A write goes to a ".part" file renamed when complete, so a reader never sees
/// half a file and a failed write leaves nothing.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task WriteAsync(Guid id, string? rendition, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(id, rendition);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(Guid id, string? rendition, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(id, rendition), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<long?> LengthAsync(Guid id, string? rendition, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(id, rendition));
        return Task.FromResult<long?>(file.Exists ? file.Length : null);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var main = PathOf(id, null);
        var folder = Path.GetDirectoryName(main)!;
        if (Directory.Exists(folder))
        {
            File.Delete(main);
            foreach (var rendition in Directory.EnumerateFiles(folder, Path.GetFileName(main) + ".*"))
            {
                File.Delete(rendition);
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(Guid id, string? rendition)
    {
        var name = id.ToString("N");
        return Path.Combine(root, name[..2], rendition is null ? name : $"{name}.{rendition}");
    }
}
