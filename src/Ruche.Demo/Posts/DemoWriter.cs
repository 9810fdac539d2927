using System.Text;
using Ruche.Demo.People;

namespace Ruche.Demo.Posts;

/// <summary>Chooses who writes and what: authors weighted by how talkative they are, texts dealt from the pools, placeholders filled.</summary>
internal sealed class DemoWriter(Random random)
{
    private readonly Dictionary<string, Queue<string>> decks = new(StringComparer.Ordinal);

    public DemoMember Weighted(IReadOnlyList<DemoMember> people) =>
        WeightedOrNull(people) ?? throw new InvalidOperationException("Nobody to pick from.");

    public DemoMember? WeightedOrNull(IReadOnlyList<DemoMember> people)
    {
        if (people.Count == 0)
        {
            return null;
        }

        var roll = random.NextDouble() * people.Sum(p => p.Weight);
        foreach (var person in people)
        {
            roll -= person.Weight;
            if (roll < 0)
            {
                return person;
            }
        }

        return people[^1];
    }

    public string Draw(string pool)
    {
        // Deal templates like cards: each comes back only once the whole pool has been used.
        if (!decks.TryGetValue(pool, out var deck))
        {
            deck = new Queue<string>();
            decks[pool] = deck;
        }

        if (deck.Count == 0)
        {
            foreach (var text in DemoRandom.Shuffled(Pool(pool), random))
            {
                deck.Enqueue(text);
            }
        }

        return deck.Dequeue();
    }

    private static string[] Pool(string key) => key switch
    {
        "cafe" => DemoTexts.Cafe,
        "friday" => DemoTexts.Friday,
        "announcements" => DemoTexts.Announcements,
        "atlas" => DemoTexts.Atlas,
        "portal" => DemoTexts.Portal,
        "acquisition" => DemoTexts.Acquisition,
        "running" => DemoTexts.Running,
        "remote" => DemoTexts.Remote,
        "photo" => DemoTexts.Photo,
        "profile" => DemoTexts.Profile,
        "share" => DemoTexts.Shares,
        "comment" => DemoTexts.Comments,
        "reply" => DemoTexts.Replies,
        _ when key.StartsWith("cafe:", StringComparison.Ordinal) => DemoTexts.CafeBySite[key["cafe:".Length..]],
        _ when key.StartsWith("team:", StringComparison.Ordinal) => DemoTexts.Teams[key["team:".Length..]],
        _ => throw new InvalidOperationException($"No demo text pool named '{key}'."),
    };

    public string Fill(string template, DemoMember writer, IReadOnlyList<DemoMember> audience, DateTime at, DemoMember? postAuthor = null, DemoMember? parentAuthor = null)
    {
        // Nobody mentions themselves, and a comment's extra mention is someone new to the thread.
        var taken = new List<DemoMember> { writer };
        taken.AddRange(new[] { postAuthor, parentAuthor }.OfType<DemoMember>());
        var builder = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            builder.Append(template, position, open - position);
            var key = template[(open + 1)..close];
            builder.Append(key switch
            {
                "m" or "m2" => Mention(audience, taken, at),
                "a" => "@" + postAuthor!.Handle,
                "p" => "@" + parentAuthor!.Handle,
                "client" => DemoTexts.Clients[random.Next(DemoTexts.Clients.Length)],
                "day" => DemoTexts.Days[random.Next(DemoTexts.Days.Length)],
                "site" => writer.Site.Name,
                "skill" => writer.Skills[random.Next(writer.Skills.Count)],
                _ => throw new InvalidOperationException($"Unknown placeholder '{key}' in a demo text."),
            });
            position = close + 1;
        }

        return builder.ToString();
    }

    private string Mention(IReadOnlyList<DemoMember> audience, List<DemoMember> taken, DateTime at)
    {
        var candidates = audience.Where(m => !taken.Contains(m) && m.JoinedAt <= at).ToList();
        if (candidates.Count == 0)
        {
            return "l'équipe";
        }

        var chosen = candidates[random.Next(candidates.Count)];
        taken.Add(chosen);
        return "@" + chosen.Handle;
    }
}
