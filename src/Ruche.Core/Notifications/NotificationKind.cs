using Ruche.Core.Subjects;

namespace Ruche.Core.Notifications;

/// <summary>
/// A kind of notification, declared by the feature it belongs to (e.g. <c>PostNotifications.Reaction</c>) and registered
/// by that feature's <c>Add…()</c>, so preferences offer it; the feature calls <see cref="Notifier.NotifyAsync"/> after
/// its commit. See ADR 0007 and ADR 0011.
/// </summary>
/// <param name="Name">Stable name stored in rows and preferences ("reaction").</param>
/// <param name="Subject">What its rows are about; a row shows only to whom the subject's read rule allows, at every read.</param>
/// <param name="ShowsActors">
/// Whether the recipient learns who acted. False where naming them would expose them (a moderator to the author they
/// decided against): the line, the API and the digest then say what happened, not who did it.
/// </param>
public sealed record NotificationKind(
    string Name, ISubjectKind Subject, NotificationChannel DefaultChannel = NotificationChannel.InApp, bool ShowsActors = true);

/// <summary>Every registered notification kind, in registration order (the order preferences list them).</summary>
public sealed class NotificationKinds(IEnumerable<NotificationKind> kinds)
{
    public IReadOnlyList<NotificationKind> All { get; } = Distinct(kinds.ToList());

    public NotificationKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>Whether rows of this kind name who acted (<see cref="NotificationKind.ShowsActors"/>); unknown kinds do.</summary>
    public bool ShowsActors(string name) => Find(name)?.ShowsActors ?? true;

    private static List<NotificationKind> Distinct(List<NotificationKind> kinds)
    {
        var names = kinds.Select(k => k.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count || names.Any(n => n.Length is 0 or > 32))
        {
            throw new InvalidOperationException($"Notification kinds need distinct names of 1 to 32 characters: {string.Join(", ", names)}.");
        }

        return kinds;
    }
}
