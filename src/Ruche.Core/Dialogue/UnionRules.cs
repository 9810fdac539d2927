using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Dialogue;

/// <summary>The rules of a union, written once and expanded into every query that asks (like <see cref="Spaces.SpaceRules"/>).</summary>
public static class UnionRules
{
    /// <summary>The person is one of the union's delegates.</summary>
    [ExpandedFrom(nameof(RunByRule))]
    public static bool IsRunBy(this Union union, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person refused this union's broadcasts (the channel that decides who may read them).</summary>
    [ExpandedFrom(nameof(RefusedByRule))]
    public static bool IsRefusedBy(this Union union, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>
    /// The channel reaches the person: they accepted it, or they have not chosen it and the agreement pushes by default.
    /// </summary>
    [ExpandedFrom(nameof(PushedToRule))]
    public static bool IsPushedTo(this Union union, long personId, UnionChannel channel, bool pushedByDefault) => throw ExpandedFromAttribute.OutsideAQuery();

    /// <summary>The person answered this channel themself (otherwise the agreement's default applies).</summary>
    [ExpandedFrom(nameof(ChosenByRule))]
    public static bool IsChosenBy(this Union union, long personId, UnionChannel channel) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<Union, long, bool>> RunByRule = (u, personId) => u.Delegates.Any(d => d.PersonId == personId);

    private static readonly Expression<Func<Union, long, bool>> RefusedByRule = (u, personId) =>
        u.Choices.Any(c => c.PersonId == personId && c.Channel == UnionChannel.Broadcasts && !c.Accepts);

    private static readonly Expression<Func<Union, long, UnionChannel, bool, bool>> PushedToRule = (u, personId, channel, pushedByDefault) =>
        u.Choices.Any(c => c.PersonId == personId && c.Channel == channel && c.Accepts)
        || (pushedByDefault && !u.Choices.Any(c => c.PersonId == personId && c.Channel == channel));

    private static readonly Expression<Func<Union, long, UnionChannel, bool>> ChosenByRule = (u, personId, channel) =>
        u.Choices.Any(c => c.PersonId == personId && c.Channel == channel);
}
