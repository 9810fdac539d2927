namespace Ruche.Core.Files;

/// <summary>What a file's content says it is: its content type and whether Ruche treats it as an image or a document.</summary>
public sealed record DetectedType(string ContentType, FileKind Kind);
