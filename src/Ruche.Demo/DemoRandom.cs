namespace Ruche.Demo;

/// <summary>Draws shared by every part of the demo, all from the company's one seeded random.</summary>
internal static class DemoRandom
{
    public static T[] Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
