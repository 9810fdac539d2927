using Ruche.Core.Spaces;

namespace Ruche.Core.Events;

/// <summary>
/// Who may create, change and answer an event, decided in one place (ADR 11). An event is created in a space by whoever
/// may post there (an active member; in an announcement space, its owners and moderators). Its organiser and the
/// moderators of its space change it while it is not cancelled; whoever may see it answers it while it is not cancelled.
/// The pages show these permissions and <see cref="EventService"/> checks the same ones.
/// </summary>
public static class EventRights
{
    public static bool MayCreateIn(SpaceSummary space) => space.CanPost;

    public static EventPermissions Of(bool isOrganizer, bool moderatesItsSpace, bool cancelled) =>
        new(Edit: !cancelled && (isOrganizer || moderatesItsSpace), Respond: !cancelled);
}
