namespace Ruche.Core.Influence;

/// <summary>
/// Figures of groups of people (departments, sites, working-from), computed from the graph at the run and stored
/// whatever their size; they are read only through <see cref="SmallGroups"/>, which never shows a group under 5.
/// The working-from mode is the one in force at the run (people say it for the day): a group attribute, never a
/// per-person figure, and no figure is about presence itself.
/// </summary>
public static class GroupFigures
{
    public static (List<InfluenceGroupFigure> Figures, List<InfluenceGroupLink> Links) Compute(
        InteractionGraph graph, string dimension, string[] groupOf, bool withLinks)
    {
        var figures = new Dictionary<string, InfluenceGroupFigure>();
        InfluenceGroupFigure Figure(string key)
        {
            if (!figures.TryGetValue(key, out var figure))
            {
                figures[key] = figure = new InfluenceGroupFigure { Dimension = dimension, GroupKey = key };
            }

            return figure;
        }

        var links = new Dictionary<(string, string), InfluenceGroupLink>();
        var active = new bool[graph.Nodes];
        for (var v = 0; v < graph.Nodes; v++)
        {
            var figure = Figure(groupOf[v]);
            figure.People++;
            var reachedFromOutside = false;
            for (var e = graph.InOffsets[v]; e < graph.InOffsets[v + 1]; e++)
            {
                var u = graph.Sources[e];
                active[u] = true;
                active[v] = true;
                double weight = graph.Weights[e];
                if (groupOf[u] == groupOf[v])
                {
                    figure.InsideWeight += weight;
                    continue;
                }

                reachedFromOutside = true;
                figure.AcrossWeight += weight;
                Figure(groupOf[u]).AcrossWeight += weight;
                if (withLinks)
                {
                    var key = (groupOf[u], groupOf[v]);
                    if (!links.TryGetValue(key, out var link))
                    {
                        links[key] = link = new InfluenceGroupLink { Dimension = dimension, FromGroup = key.Item1, ToGroup = key.Item2 };
                    }

                    link.Weight += weight;
                    link.Pairs++;
                }
            }

            if (reachedFromOutside)
            {
                figure.ReachedFromOutside++;
            }
        }

        for (var v = 0; v < graph.Nodes; v++)
        {
            if (active[v])
            {
                figures[groupOf[v]].Participants++;
            }
        }

        return ([.. figures.Values], [.. links.Values]);
    }
}
