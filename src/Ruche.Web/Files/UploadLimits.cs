using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;

namespace Ruche.Web.Files;

/// <summary>
/// The request sizes upload endpoints accept: above Kestrel's default (about 28 MB), so a document at its documented
/// limit (<see cref="Limits.DocumentMaxBytes"/>) reaches the files feature, which refuses anything larger with its code.
/// </summary>
public static class UploadLimits
{
    /// <summary>One file at the largest size any kind may have, with room for the form's other fields.</summary>
    public const long OneFileRequestBytes = Limits.DocumentMaxBytes + (1024 * 1024);

    /// <summary>Marks an endpoint that takes one uploaded file.</summary>
    public static TBuilder AcceptsOneUpload<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(OneFileRequestBytes));
}
