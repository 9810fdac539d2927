namespace Ruche.Core.Files;

/// <summary>Where file bytes live: a local folder in the embedded default; shared storage with several nodes.</summary>
public interface IFileStore
{
    Task WriteAsync(Guid id, Stream content, CancellationToken cancellationToken);

    Stream OpenRead(Guid id);

    void Delete(Guid id);
}
