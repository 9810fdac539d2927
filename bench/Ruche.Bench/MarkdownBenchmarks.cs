using BenchmarkDotNet.Attributes;
using Ruche.Core.Content;

namespace Ruche.Bench;

/// <summary>What saving a post costs in Markdown work: parsing (tags, mentions) then rendering and sanitising.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MarkdownBenchmarks
{
    private const string Post = """
        Point d'étape du **#projetatlas** : la migration des comptes clients est terminée à 80 %.
        Merci @camille.martin et @julien.roux pour le week-end !

        - reste : les exports comptables
        - risque : la recette côté #support la semaine prochaine

        Détails sur https://intranet.example/atlas et dans le `runbook`.
        """;

    private readonly MarkdownContent markdown = new();
    private readonly Dictionary<string, string> known = new() { ["camille.martin"] = "Camille Martin", ["julien.roux"] = "Julien Roux" };

    [Benchmark]
    public ParsedMarkdown Parse() => MarkdownContent.Parse(Post);

    [Benchmark]
    public string ParseAndRender() => markdown.RenderHtml(MarkdownContent.Parse(Post), known);
}
