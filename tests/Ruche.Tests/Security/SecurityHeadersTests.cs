using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Security;

public sealed class SecurityHeadersTests(SqliteApp app) : ProviderTests(app), IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/api/v1/feeds/home")]
    public async Task Every_response_carries_a_strict_policy(string path)
    {
        var response = await App.Anonymous().GetAsync(path);

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script()
    {
        var html = await App.Anonymous().GetStringAsync("/login");

        // Every <script> has a src: the policy forbids inline code, so none may be written.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains("src=", s.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(" on", string.Concat(System.Text.RegularExpressions.Regex.Matches(html, "<[a-z]+ [^>]*\\bon[a-z]+=").Select(m => m.Value)), StringComparison.Ordinal);
    }
}
