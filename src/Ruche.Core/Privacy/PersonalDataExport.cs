using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Notifications;
using Ruche.Core.People;

namespace Ruche.Core.Privacy;

/// <summary>
/// GDPR right of access and portability: everything Ruche holds about the person, as JSON, with the files they
/// uploaded, in one zip. Only the person themselves can ask for it.
/// </summary>
public sealed class PersonalDataExport(
    RucheDbContext db, UserManager<Person> users, NotificationsPersonalData notifications, IFileStore store, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteZipAsync(Viewer viewer, Stream output, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var person = await db.People.AsNoTracking().Include(p => p.Skills).Include(p => p.Department).Include(p => p.Site)
            .SingleOrDefaultAsync(p => p.Id == me, cancellationToken) ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var target = $"person:{me}";
        var data = new
        {
            exportedAt = time.UtcNow(),
            profile = new
            {
                person.Id, person.Email, person.DisplayName, person.Handle, person.JobTitle, department = person.Department?.Name,
                site = person.Site?.Name, person.ManagerId, person.TimeZone, person.Bio, skills = person.Skills.Select(s => s.Skill),
                person.Language, person.CreatedAt, person.PhotoFileId, twoFactorEnabled = person.TwoFactorEnabled,
                roles = await users.GetRolesAsync(person),
            },
            posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == me).OrderBy(p => p.Id)
                .Select(p => new
                {
                    p.Id, p.SpaceId, p.Body, p.CreatedAt, p.EditedAt, p.SharedPostId,
                    tags = p.Tags.Select(t => t.Tag), images = p.Images.OrderBy(i => i.Position).Select(i => i.FileId),
                    earlierVersions = p.Revisions.OrderBy(r => r.Id).Select(r => new { r.Body, r.WrittenAt, r.ReplacedAt }),
                }).ToListAsync(cancellationToken),
            comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == me).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.PostId, c.ParentCommentId, c.Body, c.CreatedAt }).ToListAsync(cancellationToken),
            reactions = await db.Reactions.AsNoTracking().Where(r => r.PersonId == me).OrderBy(r => r.CreatedAt)
                .Select(r => new { r.PostId, kind = r.Kind.ToString(), r.CreatedAt }).ToListAsync(cancellationToken),
            following = new
            {
                people = await db.PersonFollows.AsNoTracking().Where(f => f.FollowerId == me).Select(f => new { f.FolloweeId, f.CreatedAt }).ToListAsync(cancellationToken),
                tags = await db.TagFollows.AsNoTracking().Where(f => f.PersonId == me).Select(f => new { f.Tag, f.CreatedAt }).ToListAsync(cancellationToken),
                spaces = await db.SpaceFollows.AsNoTracking().Where(f => f.PersonId == me).Select(f => new { f.SpaceId, f.CreatedAt }).ToListAsync(cancellationToken),
            },
            memberships = await db.SpaceMemberships.AsNoTracking().Where(m => m.PersonId == me)
                .Select(m => new { m.SpaceId, space = m.Space!.Name, role = m.Role.ToString(), status = m.Status.ToString(), m.CreatedAt }).ToListAsync(cancellationToken),
            accessTokens = await db.AccessTokens.AsNoTracking().Where(t => t.PersonId == me)
                .Select(t => new { t.Name, kind = t.Kind.ToString(), t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(cancellationToken),

            // What identifies each passkey to its owner; the public key and attestation are not personal data worth exporting.
            passkeys = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == me)
                .Select(p => new { p.Data.Name, p.Data.CreatedAt, p.Data.IsBackedUp, p.Data.Transports }).ToListAsync(cancellationToken),
            securityEvents = await db.AuditEntries.AsNoTracking().Where(e => e.ActorId == me || e.Target == target).OrderBy(e => e.Id)
                .Select(e => new { e.At, e.Action, e.Target, e.Details }).ToListAsync(cancellationToken),
            notifications = await notifications.ExportAsync(me, cancellationToken),
            goals = new
            {
                schedule = await db.WorkSchedules.AsNoTracking().Where(w => w.PersonId == me)
                    .Select(w => new { days = w.Days.ToString(), w.StartMinute, w.EndMinute, w.GoalsSpaceId }).SingleOrDefaultAsync(cancellationToken),
                leave = await db.LeavePeriods.AsNoTracking().Where(l => l.PersonId == me).OrderBy(l => l.From)
                    .Select(l => new { l.From, l.To }).ToListAsync(cancellationToken),
                days = await db.GoalLists.AsNoTracking().Where(l => l.PersonId == me).OrderBy(l => l.LocalDate)
                    .Select(l => new
                    {
                        l.LocalDate,
                        l.PostId,
                        goals = l.Goals.OrderBy(g => g.Position).Select(g => new
                        {
                            g.Text, g.LinkUrl, g.LinkPostId, g.LinkPersonId, status = g.Status.ToString(), g.StatusNote, g.CarriedFromGoalId,
                        }),
                    }).ToListAsync(cancellationToken),
                suggestionsMade = await db.GoalSuggestions.AsNoTracking().Where(s => s.AuthorId == me).OrderBy(s => s.Id)
                    .Select(s => new { s.GoalId, s.Text, s.Note, status = s.Status.ToString(), s.CreatedAt }).ToListAsync(cancellationToken),
                remindedOn = await db.GoalReminders.AsNoTracking().Where(r => r.PersonId == me).OrderBy(r => r.LocalDate)
                    .Select(r => r.LocalDate).ToListAsync(cancellationToken),
            },
            events = new
            {
                organised = await db.Events.AsNoTracking().Where(e => e.OrganizerId == me).OrderBy(e => e.Id)
                    .Select(e => new
                    {
                        e.Id, e.SpaceId, e.Title, e.Description, e.TimeZone, e.LocalDate, e.LocalTime, e.DurationMinutes,
                        repeat = e.Repeat.ToString(), e.RepeatWeek, e.RepeatUntil, e.CreatedAt, e.EditedAt, e.CancelledAt,
                    }).ToListAsync(cancellationToken),
                answers = await db.EventAttendees.AsNoTracking().Where(a => a.PersonId == me).OrderBy(a => a.EventId)
                    .Select(a => new { a.EventId, response = a.Response.ToString(), a.Invited }).ToListAsync(cancellationToken),
                calendarFeed = await db.CalendarFeeds.AsNoTracking().Where(f => f.PersonId == me)
                    .Select(f => new { f.Prefix, f.CreatedAt }).SingleOrDefaultAsync(cancellationToken),
            },
            presence = await db.PresenceStatuses.AsNoTracking().Where(s => s.PersonId == me)
                .Select(s => new { mode = s.Mode.ToString(), s.Note, s.ExpiresAt }).SingleOrDefaultAsync(cancellationToken),
            files = await db.Files.AsNoTracking().Where(f => f.OwnerId == me)
                .Select(f => new { f.Id, f.FileName, f.ContentType, f.Length, f.CreatedAt, purpose = f.Purpose.ToString() }).ToListAsync(cancellationToken),
        };

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await zip.CreateEntry("ruche-data.json").OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(entry, data, Json, cancellationToken);
            }

            foreach (var file in data.files)
            {
                await using var source = store.OpenRead(file.Id);
                await using var entry = await zip.CreateEntry($"files/{file.Id:N}-{file.FileName}").OpenAsync(cancellationToken);
                await source.CopyToAsync(entry, cancellationToken);
            }
        }

        await audit.RecordAsync(me, "gdpr.exported", target, null, cancellationToken);
    }
}
