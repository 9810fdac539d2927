using CsCheck;
using Ruche.Core.Surveys;

namespace Ruche.Tests.Surveys;

/// <summary>
/// The suppression rule (ADR 17), proven on random organisations: whatever the company, its groups and its rounds, no
/// combination of the cells shown — a group, the company, the company minus groups, one round minus another — adds up
/// to the answers of fewer than k people.
/// </summary>
public sealed class SmallGroupSuppressionTests
{
    [Theory]
    [InlineData(5, new[] { 6, 3, 5 }, new[] { true, false, false })]
    [InlineData(5, new[] { 5, 5, 5 }, new[] { true, true, true })]
    [InlineData(5, new[] { 10, 0 }, new[] { true, false })]
    [InlineData(5, new[] { 4 }, new[] { false })]
    [InlineData(5, new[] { 6, 4 }, new[] { false, false })]
    [InlineData(5, new[] { 9, 7, 2, 2 }, new[] { true, false, false, false })]
    [InlineData(5, new[] { 9, 7, 3, 2 }, new[] { true, true, false, false })]
    [InlineData(5, new[] { 9, 7, 2, 1, 1 }, new[] { true, false, false, false, false })]
    [InlineData(5, new[] { 0, 0, 12 }, new[] { false, false, true })]
    public void Examples(int k, int[] counts, bool[] shown) => Assert.Equal(shown, SmallGroupSuppression.ShownGroups(counts, k));

    [Fact]
    public void No_combination_of_shown_cells_isolates_fewer_than_k_respondents()
    {
        var organisations = Gen.Select(
            Gen.Int[2, 12],
            Gen.Int[0, 14].Array[1, 4].Array[1, 2]);
        var checkedCombinations = 0L;
        organisations.Sample((k, rounds) =>
        {
            // Atoms: (round, group) with their respondents; the cells shown are the companies and groups the rule lets through.
            var atoms = rounds.SelectMany((groups, r) => groups.Select((n, g) => (Round: r, Group: g, Count: n))).ToList();
            var cells = new List<int[]>();
            foreach (var (groups, r) in rounds.Select((g, r) => (g, r)))
            {
                if (SmallGroupSuppression.CompanyShown(groups.Sum(), k))
                {
                    cells.Add(atoms.Select(a => a.Round == r ? 1 : 0).ToArray());
                }

                var shown = SmallGroupSuppression.ShownGroups(groups, k);
                for (var g = 0; g < groups.Length; g++)
                {
                    if (shown[g])
                    {
                        cells.Add(atoms.Select(a => a.Round == r && a.Group == g ? 1 : 0).ToArray());
                    }
                }
            }

            // Every combination with coefficients −1, 0, +1 (differencing, sums, parent minus children, round minus round):
            // when it adds up to a plain set of people, that set is empty or holds at least k.
            var coefficients = new int[cells.Count];
            var combinations = (int)Math.Pow(3, cells.Count);
            for (var c = 1; c < combinations; c++)
            {
                var rest = c;
                for (var i = 0; i < cells.Count; i++)
                {
                    coefficients[i] = (rest % 3) - 1;
                    rest /= 3;
                }

                var isolated = 0;
                var plainSet = true;
                for (var a = 0; a < atoms.Count && plainSet; a++)
                {
                    var weight = 0;
                    for (var i = 0; i < cells.Count; i++)
                    {
                        weight += coefficients[i] * cells[i][a];
                    }

                    plainSet = weight is 0 or 1 || atoms[a].Count == 0;
                    isolated += weight == 1 ? atoms[a].Count : 0;
                }

                Interlocked.Increment(ref checkedCombinations);
                if (plainSet && isolated > 0 && isolated < k)
                {
                    throw new InvalidOperationException($"k={k}, rounds=[{string.Join(" | ", rounds.Select(g => string.Join(",", g)))}]: a combination isolates {isolated} respondents");
                }
            }
        }, iter: 2_000);
        Assert.True(checkedCombinations > 10_000, $"only {checkedCombinations} combinations checked");
    }

    [Fact]
    public void A_shown_group_always_has_k_respondents_and_the_company_too()
    {
        Gen.Select(Gen.Int[1, 20], Gen.Int[0, 40].Array[0, 12]).Sample((k, counts) =>
        {
            var shown = SmallGroupSuppression.ShownGroups(counts, k);
            var hidden = counts.Where((_, i) => !shown[i]).Sum();
            Assert.All(counts.Where((_, i) => shown[i]), n => Assert.True(n >= k));
            Assert.True(hidden == 0 || hidden >= k || !SmallGroupSuppression.CompanyShown(counts.Sum(), k));
            Assert.True(shown.All(s => !s) || SmallGroupSuppression.CompanyShown(counts.Sum(), k));
        }, iter: 5_000);
    }
}
