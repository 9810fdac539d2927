namespace Ruche.Core.People;

/// <summary>A person as shown beside what they wrote or did (read with <see cref="PersonRefs.Of"/>).</summary>
public sealed record PersonRef(long Id, string DisplayName, string Handle, string? JobTitle, string TimeZone, Guid? PhotoFileId)
{
    /// <summary>Where they work from today, when they said so and their day is not over; read in the same query as the person.</summary>
    public PresenceBadge? Presence { get; init; }
}
