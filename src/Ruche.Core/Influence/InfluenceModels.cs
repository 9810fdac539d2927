namespace Ruche.Core.Influence;

/// <summary>When the figures were computed and over what.</summary>
public sealed record InfluenceRunInfo(long Id, DateTime ComputedAt, DateTime WindowFrom, DateTime WindowTo, int People, long Interactions, int Edges, int Iterations, int DurationMs);

/// <summary>A person's own figures (null scores when they left the graph or were not in the latest run).</summary>
public sealed record PersonFigures(long PersonId, string DisplayName, string Handle, double? Score, int? Rank, int? Reach, int People, double? Percentile, IReadOnlyList<TopicVoice> Topics);

/// <summary>A person's place among a topic's voices.</summary>
public sealed record TopicVoice(string Topic, string Label, int Rank, int Givers, double Strength);

/// <summary>The personal page: figures of the latest run, and the person's choices.</summary>
public sealed record MyInfluence(InfluenceRunInfo? Run, PersonFigures? Figures, bool Recognised, bool LeftGraph);

/// <summary>A group's figures as shown (5 people or more, or the pool of smaller ones).</summary>
public sealed record GroupHealth(string Key, string? Name, int People, int Participants, int ReachedFromOutside, double InsideWeight, double AcrossWeight)
{
    /// <summary>Share of the group who made or received at least one act.</summary>
    public double ParticipationRate => People == 0 ? 0 : (double)Participants / People;

    /// <summary>Share of the group someone from another group engaged with.</summary>
    public double ReachedFromOutsideRate => People == 0 ? 0 : (double)ReachedFromOutside / People;

    /// <summary>Share of the group's acts that cross its border.</summary>
    public double AcrossShare => InsideWeight + AcrossWeight == 0 ? 0 : AcrossWeight / (InsideWeight + AcrossWeight);

    /// <summary>Fewer than a quarter of its people were engaged with by anyone from another group.</summary>
    public bool Isolated => ReachedFromOutsideRate < 0.25;
}

/// <summary>Acts from one shown group to another.</summary>
public sealed record GroupLink(string From, string? FromName, string To, string? ToName, double Weight, int Pairs);

/// <summary>One topic's voices among people who chose to be recognised.</summary>
public sealed record TopicVoiceList(string Topic, string Label, IReadOnlyList<RecognisedVoice> Voices);

public sealed record RecognisedVoice(long PersonId, string DisplayName, string Handle, int Rank, int Givers);

/// <summary>What HR and administrators see (ADR 24): groups of 5 or more, and only recognised people by name.</summary>
public sealed record NetworkHealth(
    InfluenceRunInfo? Run,
    int People,
    int Participants,
    IReadOnlyList<GroupHealth> Departments,
    IReadOnlyList<GroupHealth> Sites,
    IReadOnlyList<GroupHealth> WorkingFrom,
    IReadOnlyList<GroupLink> DepartmentLinks,
    IReadOnlyList<GroupLink> SiteLinks,
    IReadOnlyList<TopicVoiceList> Topics,
    IReadOnlyList<PersonFigures> Recognised)
{
    public double ParticipationRate => People == 0 ? 0 : (double)Participants / People;
}
