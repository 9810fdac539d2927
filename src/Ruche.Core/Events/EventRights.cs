namespace Ruche.Core.Events;

/// <summary>
/// Who may change an event and answer it, decided in one place (ADR 11): its organiser and the moderators of its space
/// change it while it is not cancelled; whoever may see it answers it while it is not cancelled. The event page shows
/// these permissions and <see cref="EventService"/> checks the same ones.
/// </summary>
public static class EventRights
{
    public static EventPermissions Of(bool isOrganizer, bool moderatesItsSpace, bool cancelled) =>
        new(Edit: !cancelled && (isOrganizer || moderatesItsSpace), Respond: !cancelled);
}
