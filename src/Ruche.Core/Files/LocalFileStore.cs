namespace Ruche.Core.Files;

/// <summary>Files under a folder of the data directory, named by id only, so no user input reaches a path.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task WriteAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Stream OpenRead(Guid id) => File.OpenRead(PathOf(id));

    public void Delete(Guid id)
    {
        var path = PathOf(id);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(root, name[..2], name);
    }
}
