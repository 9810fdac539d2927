namespace Ruche.Demo.Posts;

/// <summary>A post rewritten shortly after it went out, so the demo shows an edit history.</summary>
internal sealed record DemoEdit(string Pool, string Before, string After);
