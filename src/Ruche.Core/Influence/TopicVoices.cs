namespace Ruche.Core.Influence;

/// <summary>
/// The voices to listen to on a topic (ADR 24): for each open space and each tag, the people whose contributions on it
/// drew the most engagement, each act weighted by its kind and age (as in the graph) and by the global influence of
/// whoever gave it, relative to the average (N × PageRank, so 1 for an average colleague): being engaged with on a
/// topic by people others listen to counts more. A voice needs <see cref="MinimumGivers"/> distinct people engaging with
/// them on the topic; a topic keeps its <see cref="VoicesPerTopic"/> strongest voices.
/// </summary>
public static class TopicVoices
{
    public const int MinimumGivers = 2;

    public const int VoicesPerTopic = 10;

    public sealed record Voice(string Topic, int Node, double Strength, int Givers, int Rank);

    /// <summary>
    /// <paramref name="openSpaces"/>: the spaces whose topics may be named (company-wide ones); acts about content
    /// elsewhere count for no topic, and a post's tags count only when the post is in an open space or on a profile.
    /// </summary>
    public static IReadOnlyList<Voice> Compute(IReadOnlyList<InteractionBuffer> buffers, double[] scores, IReadOnlySet<long> openSpaces)
    {
        var n = scores.Length;
        var tagsByPost = new Dictionary<long, List<string>>();
        foreach (var (postId, tag) in buffers.SelectMany(b => b.PostTags))
        {
            if (!tagsByPost.TryGetValue(postId, out var tags))
            {
                tagsByPost[postId] = tags = [];
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        var strength = new Dictionary<(string Topic, int Node), double>();
        var givers = new HashSet<(string Topic, int Node, int From)>();
        void Count(string topic, int to, int from, double weight)
        {
            var key = (topic, to);
            strength[key] = strength.GetValueOrDefault(key) + weight;
            givers.Add((topic, to, from));
        }

        foreach (var buffer in buffers)
        {
            for (long i = 0; i < buffer.Count; i++)
            {
                var space = buffer.Space[i];
                var post = buffer.Post[i];
                if (space != 0 && !openSpaces.Contains(space))
                {
                    continue;
                }

                var from = buffer.From[i];
                var to = buffer.To[i];
                var weight = buffer.Weight[i] * scores[from] * n;
                if (space != 0)
                {
                    Count("space:" + space.ToString(System.Globalization.CultureInfo.InvariantCulture), to, from, weight);
                }

                if (post != 0 && tagsByPost.TryGetValue(post, out var tags))
                {
                    foreach (var tag in tags)
                    {
                        Count("tag:" + tag, to, from, weight);
                    }
                }
            }
        }

        var giverCounts = givers.GroupBy(g => (g.Topic, g.Node)).ToDictionary(g => g.Key, g => g.Count());
        return [.. strength
            .Select(s => new Voice(s.Key.Topic, s.Key.Node, s.Value, giverCounts[s.Key], 0))
            .Where(v => v.Givers >= MinimumGivers)
            .GroupBy(v => v.Topic)
            .SelectMany(topic => topic.OrderByDescending(v => v.Strength).ThenBy(v => v.Node).Take(VoicesPerTopic).Select((v, i) => v with { Rank = i + 1 }))];
    }
}
