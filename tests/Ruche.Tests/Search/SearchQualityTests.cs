using System.Runtime.CompilerServices;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Search;

/// <summary>
/// A small French/English corpus and the results a reader expects from it: stemming, accents, phrases,
/// exclusions, all words required. The same expectations hold on both engines.
/// </summary>
public abstract class SearchQualityTests(RucheApp app) : ProviderTests(app)
{
    private static readonly ConditionalWeakTable<RucheApp, Task<Corpus>> Corpora = [];

    public static TheoryData<string, string[]> Expectations => new()
    {
        { "télétravail", ["charte", "vendredi", "montreal"] },
        { "teletravail", ["charte", "vendredi", "montreal"] },
        { "TÉLÉTRAVAILLONS", ["charte", "vendredi", "montreal"] },
        { "working from home", ["remote"] },
        { "works", ["remote"] },
        { "engineer", ["onboarding"] },
        { "\"plan de migration\"", ["migration-fr"] },
        { "migration plan", ["migration-fr", "migration-en"] },
        { "serveur", ["migration-fr", "panne"] },
        { "serveurs -panne", ["migration-fr"] },
        { "formation", ["budget", "elearning"] },
        { "équipe restaurant", ["dejeuner"] },
        { "Singapour photos", ["singapour"] },
        { "le la les", [] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task A_query_finds_exactly_the_posts_a_reader_expects(string query, string[] expected)
    {
        var corpus = await CorpusAsync();

        var results = await corpus.Reader.SearchAsync(query, "&type=post");

        Assert.Equal(expected.Select(k => corpus.Posts[k]).Order(), results.Items.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task The_most_relevant_post_comes_first()
    {
        var corpus = await CorpusAsync();

        var results = await corpus.Reader.SearchAsync("charte télétravail", "&type=post");

        Assert.Equal(corpus.Posts["charte"], results.Items[0].Id);
        Assert.Contains("<mark>télétravail</mark>", results.Items[0].SnippetHtml, StringComparison.Ordinal);
    }

    private Task<Corpus> CorpusAsync() => Corpora.GetValue(App, SeedAsync);

    private static async Task<Corpus> SeedAsync(RucheApp app)
    {
        var author = await app.NewPersonAsync("Rédactrice");
        var texts = new Dictionary<string, string>
        {
            ["charte"] = "Nouvelle charte du télétravail : deux jours par semaine à la maison, à partir de janvier.",
            ["vendredi"] = "Nous télétravaillons le vendredi depuis la rentrée, et ça marche bien.",
            ["montreal"] = "Retour d'expérience sur le teletravail au bureau de Montréal.",
            ["remote"] = "Remote policy: we are working from home on Fridays.",
            ["onboarding"] = "The new onboarding process for engineers starts on Monday.",
            ["migration-fr"] = "Réunion : le plan de migration des serveurs est validé.",
            ["migration-en"] = "The migration plan for the databases is postponed.",
            ["panne"] = "Le serveur de test est en panne ce matin.",
            ["dejeuner"] = "Déjeuner d'équipe au restaurant jeudi midi.",
            ["singapour"] = "Nouveaux bureaux à Singapour : les photos de l'inauguration.",
            ["budget"] = "Compte rendu du comité : budget de la formation pour 2027.",
            ["elearning"] = "Des formations en ligne sont disponibles pour les développeurs.",
            ["hors-sujet"] = "Quelqu'un a vu mon parapluie rouge ?",
        };
        var posts = new Dictionary<string, long>();
        foreach (var (key, text) in texts)
        {
            posts[key] = (await author.PostAsync(text)).Id;
        }

        return new Corpus(await app.NewPersonAsync("Lecteur"), posts);
    }

    private sealed record Corpus(Actor Reader, Dictionary<string, long> Posts);
}

public sealed class SearchQualityTestsOnSqlite(SqliteApp app) : SearchQualityTests(app), IClassFixture<SqliteApp>;

public sealed class SearchQualityTestsOnPostgres(PostgresApp app) : SearchQualityTests(app), IClassFixture<PostgresApp>;
