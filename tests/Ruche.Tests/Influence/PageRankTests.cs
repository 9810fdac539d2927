using Ruche.Core.Data;
using Ruche.Core.Influence;

namespace Ruche.Tests.Influence;

/// <summary>The graph and its PageRank against values computed by hand and by igraph (ADR 24).</summary>
public sealed class PageRankTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly InteractionWindow Window = new(Now.AddDays(-180), Now);

    /// <summary>
    /// Five people, A..E (ids 1..5): B→A (twice: a reaction and a comment, merged into one edge), C→A, D→A, A→B; E
    /// does nothing and nobody engages with E, so E is dangling. Each of A, B, C, D has one outgoing edge, so weights
    /// do not change the shares. By hand, with d = 0.85, N = 5 and dangling mass spread over everyone:
    ///   C, D and E receive nothing but the jump: x = (1 − d)/N + d·PR(E)/N = 0.03 + 0.17·x, so x = 0.03/0.83 = 3/83.
    ///   PR(B) = x + d·PR(A)
    ///   PR(A) = x + d·(PR(B) + PR(C) + PR(D)) = x + 0.85·(x + 0.85·PR(A)) + 1.7·x = 3.55·x + 0.7225·PR(A)
    ///   so PR(A) = 3.55·x / 0.2775 = (1420/111)·(3/83) = 4260/9213 ≈ 0.462390
    ///   and PR(B) = x·(1 + 0.85·1420/111) = (1318/111)·(3/83) = 3954/9213 ≈ 0.429176; check: 3·x + PR(A) + PR(B) = 1.
    /// Reach: A was engaged with by B, C and D (3), B by A (1), the others by nobody.
    /// </summary>
    [Fact]
    public void A_five_person_graph_matches_the_hand_computation()
    {
        var members = new GraphMembers([1, 2, 3, 4, 5]);
        var buffer = new InteractionBuffer(members, new HashSet<long>(), InfluenceWeights.Default, Window);
        buffer.Add(InteractionKind.Reaction, 2, 1, Now.AddDays(-1), null, null);
        buffer.Add(InteractionKind.Comment, 2, 1, Now.AddDays(-30), null, null);
        buffer.Add(InteractionKind.Share, 3, 1, Now.AddDays(-2), null, null);
        buffer.Add(InteractionKind.Follow, 4, 1, Now.AddDays(-90), null, null);
        buffer.Add(InteractionKind.Mention, 1, 2, Now.AddDays(-3), null, null);

        var graph = InteractionGraph.Build(5, [buffer]);
        var ranks = PageRank.Compute(graph);

        Assert.Equal(4, graph.Edges);
        const double x = 3.0 / 83;
        Assert.Equal(4260.0 / 9213, ranks.Scores[0], 1e-6);
        Assert.Equal(3954.0 / 9213, ranks.Scores[1], 1e-6);
        Assert.Equal(x, ranks.Scores[2], 1e-6);
        Assert.Equal(x, ranks.Scores[3], 1e-6);
        Assert.Equal(x, ranks.Scores[4], 1e-6);
        Assert.Equal(1.0, ranks.Scores.Sum(), 1e-9);
        Assert.Equal([3, 1, 0, 0, 0], Enumerable.Range(0, 5).Select(graph.Reach));
    }

    [Fact]
    public void Weights_come_from_the_kind_and_halve_every_half_life()
    {
        var members = new GraphMembers([1, 2]);
        var buffer = new InteractionBuffer(members, new HashSet<long>(), InfluenceWeights.Default, Window);
        buffer.Add(InteractionKind.Comment, 1, 2, Now, null, null);
        buffer.Add(InteractionKind.Reaction, 1, 2, Now.AddDays(-InfluenceWeights.Default.HalfLifeDays), null, null);
        buffer.Add(InteractionKind.Reaction, 1, 2, Now.AddDays(-181), null, null);

        var graph = InteractionGraph.Build(2, [buffer]);

        Assert.Equal(2, buffer.Count);
        Assert.Equal(3 + 0.5, graph.Weights.Single(), 1e-6);
    }

    /// <summary>
    /// A 50-node weighted graph (45 people engage, 5 only receive, hence dangling) whose scores igraph 0.10.2 computed
    /// once with PRPACK (<c>Graph.pagerank(directed=True, damping=0.85, weights=w, implementation="prpack")</c>,
    /// python3-igraph, edges drawn with <c>random.seed(42)</c>). Tolerance 1e-6: our shares are single-precision floats
    /// and the iteration stops at an L1 change of 1e-9.
    /// </summary>
    [Fact]
    public void A_fifty_node_graph_matches_igraph()
    {
        var members = new GraphMembers([.. Enumerable.Range(1, 50).Select(i => (long)i)]);
        var buffer = new InteractionBuffer(members, new HashSet<long>(), InfluenceWeights.Default with { HalfLifeDays = 1e12 }, Window);
        foreach (var (from, to, weight) in Edges50)
        {
            // Reactions weigh 1: one per unit of weight, merged into one edge by the graph.
            for (var i = 0; i < weight; i++)
            {
                buffer.Add(InteractionKind.Reaction, from + 1, to + 1, Now.AddDays(-1), null, null);
            }
        }

        var graph = InteractionGraph.Build(50, [buffer]);
        var ranks = PageRank.Compute(graph);

        Assert.Equal(Edges50.Length, graph.Edges);
        for (var v = 0; v < 50; v++)
        {
            Assert.Equal(IgraphScores50[v], ranks.Scores[v], 1e-6);
        }
    }

    [Fact]
    public void The_sink_refuses_union_spaces_people_outside_the_graph_and_self_interactions()
    {
        var members = new GraphMembers([1, 2, 3]);
        var buffer = new InteractionBuffer(members, new HashSet<long> { 77 }, InfluenceWeights.Default, Window);
        buffer.Add(InteractionKind.Comment, 1, 2, Now.AddDays(-1), 77, 10);
        buffer.Add(InteractionKind.Comment, 1, 9, Now.AddDays(-1), null, null);
        buffer.Add(InteractionKind.Comment, 9, 1, Now.AddDays(-1), null, null);
        buffer.Add(InteractionKind.Comment, 1, 1, Now.AddDays(-1), null, null);
        buffer.Add(InteractionKind.Comment, 3, 2, Now.AddDays(-1), 5, 11);

        Assert.Equal(1, buffer.Count);
        Assert.Equal(4, buffer.Refused);
        var graph = InteractionGraph.Build(3, [buffer]);
        Assert.Equal(0, graph.Reach(0));
        Assert.Equal(1, graph.Reach(1));
    }

    [Fact]
    public void Acts_about_posts_take_the_author_and_space_another_source_declared_and_undeclared_posts_count_for_nothing()
    {
        var members = new GraphMembers([1, 2, 3]);
        var refused = new HashSet<long> { 77 };
        var posts = new InteractionBuffer(members, refused, InfluenceWeights.Default, Window);
        posts.DeclarePost(10, authorId: 1, spaceId: 5);
        posts.DeclarePost(11, authorId: 2, spaceId: null);
        posts.DeclarePost(12, authorId: 9, spaceId: 5);   // its author left the graph
        posts.DeclarePost(13, authorId: 1, spaceId: 77);  // a union space: refused, and every act about it
        var acts = new InteractionBuffer(members, refused, InfluenceWeights.Default, Window);
        acts.Add(InteractionKind.Follow, 3, 2, Now.AddDays(-1), null, null);
        acts.AddAboutPost(InteractionKind.Reaction, 2, null, Now.AddDays(-1), 10);        // 2 → 1, space 5
        acts.AddAboutPost(InteractionKind.Reply, 3, 1, Now.AddDays(-2), 11);              // 3 → 1 (the replied comment's author), no space
        acts.AddAboutPost(InteractionKind.Reaction, 1, null, Now.AddDays(-1), 10);        // to oneself
        acts.AddAboutPost(InteractionKind.Reaction, 2, null, Now.AddDays(-1), 12);        // to someone outside the graph
        acts.AddAboutPost(InteractionKind.Comment, 2, null, Now.AddDays(-1), 13);         // about a union space's post
        acts.AddAboutPost(InteractionKind.Comment, 2, null, Now.AddDays(-1), 99);         // about a post nobody declared (hidden, Ruche's own…)
        acts.AddAboutPost(InteractionKind.Comment, 2, null, Now.AddDays(-200), 10);       // outside the window
        acts.AddAboutPost(InteractionKind.Comment, 2, 2, Now.AddDays(-1), 10);            // a reply to oneself
        acts.AddAboutPost(InteractionKind.Comment, 2, 1, Now.AddDays(-1), 12);            // a reply to a member, on a post whose author left: kept

        var directory = PostDirectory.Of([posts, acts]);
        posts.Resolve(directory);
        acts.Resolve(directory);

        Assert.Equal(4, acts.Count);
        Assert.Equal(6, acts.Refused);
        Assert.Equal([(2, 1), (1, 0), (2, 0), (1, 0)], Enumerable.Range(0, 4).Select(i => (acts.From[i], acts.To[i])));
        Assert.Equal([0L, 5, 0, 5], Enumerable.Range(0, 4).Select(i => acts.Space[i]));
        Assert.Equal([0L, 10, 11, 12], Enumerable.Range(0, 4).Select(i => acts.Post[i]));
        Assert.Equal(1, acts.CountOf(InteractionKind.Reaction));
        Assert.Equal(1, acts.CountOf(InteractionKind.Reply));
        Assert.Equal(1, acts.CountOf(InteractionKind.Comment));
        var graph = InteractionGraph.Build(3, [posts, acts]);
        Assert.Equal(2, graph.Reach(0));
        Assert.Equal(1, graph.Reach(1));
    }

    [Fact]
    public async Task Sources_of_the_social_dialogue_and_of_the_reporting_channel_are_never_read()
    {
        IInteractionSource[] sources = [new Core.Dialogue.Rogue.UnionSource(), new Core.Reporting.Rogue.ReportingSource()];
        Assert.All(sources, s => Assert.True(InteractionLoader.IsRefused(s)));

        var buffers = await InteractionLoader.LoadAsync(sources, () => throw new InvalidOperationException("no source may be read"),
            new GraphMembers([1, 2]), new HashSet<long>(), InfluenceWeights.Default, Window, TestContext.Current.CancellationToken);

        Assert.Empty(buffers);
    }

    [Fact]
    public void Groups_under_five_are_pooled_and_a_pool_under_five_takes_the_smallest_shown_group()
    {
        InfluenceGroupFigure Group(string key, int people) => new() { Dimension = "department", GroupKey = key, People = people, Participants = people };

        var (shown, shownAs) = SmallGroups.Apply([Group("a", 12), Group("b", 6), Group("c", 3)]);
        Assert.Equal(["a", SmallGroups.Pooled], shown.Select(g => g.GroupKey));
        Assert.Equal(9, shown.Single(g => g.GroupKey == SmallGroups.Pooled).People);
        Assert.Equal(SmallGroups.Pooled, shownAs["b"]);

        var (pooled, _) = SmallGroups.Apply([Group("a", 12), Group("b", 2), Group("c", 3)]);
        Assert.Equal([12, 5], pooled.Select(g => g.People));

        var (none, noneAs) = SmallGroups.Apply([Group("a", 4)]);
        Assert.Empty(none);
        Assert.Empty(noneAs);
        Assert.Empty(SmallGroups.Links([new InfluenceGroupLink { Dimension = "department", FromGroup = "a", ToGroup = "b", Weight = 1 }], noneAs));
    }

    private static readonly (int From, int To, int Weight)[] Edges50 =
        [(0, 5, 3), (0, 24, 2), (0, 42, 3), (0, 43, 5), (0, 48, 4), (1, 47, 3), (2, 1, 1), (2, 20, 1), (2, 21, 4), (3, 7, 3), (3, 14, 1), (3, 15,
        1), (3, 32, 3), (3, 37, 2), (3, 43, 3), (4, 0, 2), (4, 2, 4), (4, 13, 5), (4, 24, 4), (4, 32, 5), (4, 34, 1), (4, 38, 1), (4, 43, 1), (4,
        45, 2), (5, 11, 5), (5, 13, 1), (5, 24, 3), (5, 35, 5), (5, 46, 5), (6, 3, 2), (6, 22, 4), (6, 40, 2), (6, 42, 1), (6, 43, 3), (7, 6, 3),
        (7, 15, 1), (7, 18, 3), (7, 23, 2), (7, 24, 2), (7, 36, 1), (7, 43, 3), (8, 16, 5), (8, 32, 4), (8, 42, 5), (8, 46, 2), (9, 40, 2), (10, 24,
        2), (10, 34, 2), (10, 43, 4), (10, 44, 1), (11, 32, 2), (12, 6, 3), (12, 9, 4), (12, 18, 2), (12, 34, 3), (13, 3, 2), (13, 32, 1), (13, 34,
        4), (13, 42, 1), (13, 48, 4), (14, 0, 2), (14, 4, 2), (14, 6, 4), (14, 8, 3), (14, 28, 3), (14, 32, 2), (14, 37, 2), (14, 43, 1), (15, 4,
        2), (15, 10, 4), (15, 12, 3), (15, 17, 3), (15, 23, 1), (15, 25, 3), (15, 37, 3), (15, 47, 5), (16, 2, 4), (16, 8, 5), (16, 13, 3), (16, 25,
        1), (16, 29, 1), (16, 32, 3), (16, 33, 2), (16, 35, 5), (16, 47, 3), (17, 9, 1), (17, 15, 1), (17, 18, 5), (17, 29, 4), (17, 40, 3), (17,
        44, 3), (17, 49, 4), (18, 5, 5), (18, 10, 5), (18, 27, 1), (18, 40, 4), (19, 15, 5), (19, 25, 2), (19, 39, 3), (19, 40, 1), (20, 3, 4), (20,
        13, 1), (20, 15, 5), (20, 49, 5), (21, 1, 2), (21, 6, 3), (22, 4, 4), (22, 38, 1), (23, 10, 3), (23, 14, 5), (23, 22, 3), (23, 28, 1), (23,
        48, 3), (24, 17, 5), (24, 38, 3), (25, 3, 4), (25, 17, 3), (25, 41, 4), (25, 46, 3), (26, 31, 5), (26, 42, 2), (27, 10, 2), (27, 11, 4),
        (27, 21, 4), (27, 22, 2), (27, 26, 5), (27, 38, 5), (28, 8, 3), (28, 34, 4), (28, 35, 5), (29, 0, 1), (29, 9, 3), (29, 20, 3), (29, 24, 2),
        (29, 33, 4), (29, 34, 5), (29, 39, 5), (29, 40, 3), (29, 46, 4), (30, 13, 4), (30, 15, 4), (30, 26, 2), (30, 32, 5), (31, 1, 4), (31, 4, 2),
        (31, 5, 1), (31, 9, 3), (32, 38, 5), (33, 0, 5), (33, 10, 3), (33, 20, 1), (33, 28, 2), (34, 3, 3), (34, 5, 2), (34, 26, 2), (34, 46, 2),
        (34, 48, 1), (34, 49, 1), (35, 9, 2), (35, 10, 4), (35, 12, 5), (35, 19, 1), (35, 34, 4), (35, 42, 4), (36, 5, 5), (36, 6, 2), (36, 12, 4),
        (36, 45, 4), (37, 17, 4), (37, 25, 2), (37, 27, 2), (37, 35, 1), (37, 36, 1), (37, 47, 4), (38, 1, 2), (38, 2, 2), (38, 13, 5), (38, 20, 4),
        (38, 27, 1), (39, 5, 5), (39, 23, 2), (40, 3, 1), (40, 7, 4), (40, 10, 2), (41, 19, 4), (41, 21, 5), (41, 31, 5), (41, 33, 5), (41, 34, 3),
        (41, 44, 4), (42, 6, 5), (42, 14, 5), (42, 30, 4), (42, 31, 5), (42, 41, 4), (42, 45, 2), (43, 41, 4), (44, 12, 4), (44, 35, 3), (44, 46,
        2)];

    private static readonly double[] IgraphScores50 =
        [0.012778589271, 0.027243760843, 0.014189637156, 0.031928425537, 0.022239181149, 0.025889932963, 0.030832581939, 0.027459660905,
        0.009637717914, 0.019348655456, 0.029776240923, 0.012087317569, 0.018898711324, 0.026898285857, 0.013254051655, 0.020874977351,
        0.007317909014, 0.023436185233, 0.016846387472, 0.011151476794, 0.019500766463, 0.021254859430, 0.016081029265, 0.010694775151,
        0.021769161517, 0.010427709613, 0.012812681565, 0.009953435155, 0.009172241818, 0.008782698801, 0.007460568070, 0.022833282319,
        0.033019817001, 0.013131936646, 0.034206361090, 0.020217723537, 0.007062969849, 0.012337001016, 0.045176384712, 0.008587220932,
        0.033844767848, 0.042321372677, 0.019872631445, 0.038033365699, 0.015950246568, 0.009222433282, 0.022767034265, 0.035298962152,
        0.019396119627, 0.016720756160];
}
