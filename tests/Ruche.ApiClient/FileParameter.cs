namespace Ruche.ApiClient;

/// <summary>A file to upload, as the generated client's multipart operations take it (NSwag leaves its definition to the project).</summary>
public sealed class FileParameter(Stream data, string fileName, string contentType)
{
    public Stream Data { get; } = data;

    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;
}
