namespace Ruche.Tests.Infrastructure;

/// <summary>Checks every API answer a test client receives against <see cref="OpenApiConformance"/>; a breach fails the test.</summary>
public sealed class OpenApiConformanceHandler(Func<Task<OpenApiConformance>> conformance) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var breach = (await conformance()).Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        return breach is null ? response : throw new Xunit.Sdk.XunitException("OpenAPI conformance: " + breach);
    }
}
