using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Communication;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Files;
using Ruche.Core.Ideas;
using Ruche.Core.Influence;
using Ruche.Core.Irritants;
using Ruche.Core.Library;
using Ruche.Core.Notifications;
using Ruche.Core.Push;
using Ruche.Core.People;
using Ruche.Core.Recognition;
using Ruche.Core.Posts;
using Ruche.Core.Wiki;

namespace Ruche.Core.Privacy;

/// <summary>
/// GDPR right to erasure for a person who left, run by an administrator. Personal data goes; what they wrote
/// stays under a pseudonym or goes too, as the company's retention policy says (Ruche:Retention:ErasedContent).
/// </summary>
public sealed class PersonErasure(
    RucheDbContext db, UserManager<Person> users, NotificationsPersonalData notifications, PushPersonalData push, ContentRenderer renderer, IFileStore store, AuditLog audit, TimeProvider time)
{
    public async Task EraseAsync(Viewer viewer, long personId, ErasedContent content, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators erase a person.");
        }

        if (personId == viewer.PersonId)
        {
            throw RucheException.Invalid("erasure.self", "An administrator cannot erase their own account.");
        }

        if (!Enum.IsDefined(content))
        {
            throw RucheException.Invalid("erasure.mode-invalid", "Content is kept pseudonymised or deleted.");
        }

        var person = await db.People.Include(p => p.Skills).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        if ((await users.GetRolesAsync(person)).Contains(RoleNames.Administrator))
        {
            await Access.Administrators.RequireAnotherThanAsync(users, personId);
        }

        var email = person.Email;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removedFiles = new List<Guid>();
        if (content == ErasedContent.Delete)
        {
            removedFiles.AddRange(await db.PostImages.Where(i => db.Posts.Any(p => p.Id == i.PostId && p.AuthorId == personId)).Select(i => i.FileId).ToListAsync(cancellationToken));
            await db.Posts.Where(p => p.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Comments.Where(c => c.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.GoalSuggestions.Where(s => s.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Events.Where(e => e.OrganizerId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Idea>().Where(i => i.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<IdeaComment>().Where(c => c.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Irritant>().Where(i => i.ReporterId == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Kudos>().Where(k => k.GiverId == personId).ExecuteDeleteAsync(cancellationToken);

            // The versions they uploaded to libraries go; a file left without any version goes with them.
            await db.Set<LibraryFileVersion>().Where(v => v.UploadedById == personId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<LibraryFile>().Where(f => !f.Versions.Any()).ExecuteDeleteAsync(cancellationToken);

            // Co-written pages stay whatever the mode (ADR 25): their text is also the others' work; their comments go.
            await db.Set<WikiComment>().Where(c => c.AuthorId == personId).ExecuteDeleteAsync(cancellationToken);
        }

        // Recognition is about the person: thanks they received, their badges and their choice about feeds go whatever
        // the content policy (thanks they gave follow it, as what they wrote).
        await db.Set<Kudos>().Where(k => k.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<EarnedBadge>().Where(b => b.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RecognitionPreference>().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Files that are theirs and no longer part of kept content: the photo, unattached uploads, deleted posts' images.
        // Library versions, page files and documents of kept posts and comments stay with what holds them.
        removedFiles.AddRange(await db.Files.Where(f => f.OwnerId == personId && !db.PostImages.Any(i => i.FileId == f.Id)
                && !db.Set<PostDocument>().Any(d => d.FileId == f.Id) && !db.Set<CommentDocument>().Any(d => d.FileId == f.Id)
                && !db.Set<LibraryFileVersion>().Any(v => v.StoredFileId == f.Id) && !db.Set<WikiPageFile>().Any(w => w.FileId == f.Id))
            .Select(f => f.Id).ToListAsync(cancellationToken));
        await db.Files.Where(f => removedFiles.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);

        await db.Reactions.Where(r => r.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Their votes and "me too"s go, and the counts follow; ideas they followed no longer tell them anything.
        var voted = await db.Set<IdeaVote>().Where(v => v.PersonId == personId).Select(v => v.IdeaId).ToListAsync(cancellationToken);
        var shared = await db.Set<IrritantMeToo>().Where(m => m.PersonId == personId).Select(m => m.IrritantId).ToListAsync(cancellationToken);
        await db.Set<IdeaVote>().Where(v => v.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IrritantMeToo>().Where(m => m.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Idea>().Where(i => voted.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.Votes.Count()), cancellationToken);
        await db.Set<Irritant>().Where(i => shared.Contains(i.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.MeTooCount, i => db.Set<IrritantMeToo>().Count(m => m.IrritantId == i.Id)), cancellationToken);
        await db.Set<IdeaFollow>().Where(f => f.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<BallotParticipation>().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Their choices in named polls go (the counts drop them); anonymous polls keep counters that never named them.
        await db.Set<Polls.PollVote>().Where(v => v.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.EventAttendees.Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.PresenceStatuses.Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InfluencePreference>().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InfluenceScore>().Where(x => x.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InfluenceVoice>().Where(v => v.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await notifications.EraseAsync(personId, cancellationToken);
        await push.EraseAsync(personId, cancellationToken);
        await db.PostMentions.Where(m => m.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Their working week, leave and reminder claims say when they work: gone. Goals naming them lose the link.
        await db.WorkSchedules.Where(w => w.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.LeavePeriods.Where(l => l.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.GoalReminders.Where(r => r.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Goals.Where(g => g.LinkPersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(g => g.LinkPersonId, (long?)null), cancellationToken);
        await db.PersonFollows.Where(f => f.FollowerId == personId || f.FolloweeId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.TagFollows.Where(f => f.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.SpaceFollows.Where(f => f.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Their relation with the unions is special-category data: their choices, their questions (with the threads) and
        // their delegate mandates go. A union's broadcasts stay the union's, under the pseudonym.
        await db.Set<BroadcastChoice>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UnionQuestion>().Where(q => q.AskerId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UnionMandate>().Where(d => d.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

        // Company messages delivered to them and their refusals go (the messages' counters stay: they name nobody); the
        // messages they sent stay the company's, under the pseudonym.
        await db.Set<MessageDelivery>().Where(d => d.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MessageOptOut>().Where(o => o.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.SpaceMemberships.Where(m => m.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserPasskeys.Where(p => p.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        // Removing the roles also ends a referent's seat at the reporting desk (the seat is the role). The channel keeps the
        // rest on purpose: its access log is append-only evidence (an id, no content), messages a referent wrote stay with
        // the case until it is anonymised, and a named reporter's identity is sealed inside their case with no person id
        // to find it by (only a keyed fingerprint of it, for their own export, which no erased id can use again); both go
        // when the case is anonymised (Reporting/ReportingRetention).
        await db.UserRoles.Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.People.Where(p => p.ManagerId == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ManagerId, (long?)null), cancellationToken);
        if (email is not null)
        {
            await db.Invitations.Where(i => i.Email == email).ExecuteDeleteAsync(cancellationToken);
        }

        // The row stays as a tombstone so kept posts still have an author: nothing in it identifies anyone.
        var handle = person.Handle;
        var tombstone = $"former-{personId.ToString(CultureInfo.InvariantCulture)}";
        person.DisplayName = "—";
        person.Handle = tombstone;
        person.UserName = person.NormalizedUserName = tombstone;
        person.Email = person.NormalizedEmail = null;
        person.EmailConfirmed = false;
        person.PasswordHash = null;
        person.PhoneNumber = null;
        person.SecurityStamp = Guid.NewGuid().ToString();
        person.ConcurrencyStamp = Guid.NewGuid().ToString();
        person.TwoFactorEnabled = false;
        person.LockoutEnd = DateTimeOffset.MaxValue;
        person.JobTitle = person.Bio = null;
        person.JobCategory = null;
        person.DepartmentId = person.SiteId = person.ManagerId = null;
        person.PhotoFileId = null;
        person.TimeZone = "Etc/UTC";
        person.IsActive = false;
        person.ErasedAt = time.UtcNow();
        person.ScimExternalId = null;
        person.Skills.Clear();
        await db.SaveChangesAsync(cancellationToken);
        await ForgetMentionedNameAsync(handle, tombstone, cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "gdpr.erased", $"person:{personId}", new { content = content.ToString() }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var file in removedFiles)
        {
            await store.DeleteAsync(file, CancellationToken.None);
        }
    }

    /// <summary>
    /// Others' posts and comments that mention the person: the handle they typed (made of the person's name) becomes
    /// the tombstone's, which mentions nobody, and the text is rendered again, so neither their name nor their handle is
    /// left in others' words, their excerpts or their search entries.
    /// </summary>
    private async Task ForgetMentionedNameAsync(string handle, string tombstone, CancellationToken cancellationToken)
    {
        var link = $"href=\"/people/{Uri.EscapeDataString(handle)}\"";
        var typed = "@" + handle;
        var mention = Mentions.Of(handle);
        foreach (var post in await db.Posts.Where(p => p.Body.Contains(typed) || p.BodyHtml.Contains(link)).ToListAsync(cancellationToken))
        {
            post.Body = mention.Replace(post.Body, "@" + tombstone);
            post.BodyHtml = (await renderer.RenderAsync(post.Body, cancellationToken)).Html;
        }

        foreach (var comment in await db.Comments.Where(c => c.Body.Contains(typed) || c.BodyHtml.Contains(link)).ToListAsync(cancellationToken))
        {
            comment.Body = mention.Replace(comment.Body, "@" + tombstone);
            comment.BodyHtml = (await renderer.RenderAsync(comment.Body, cancellationToken)).Html;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What happens to what an erased person wrote.</summary>
public enum ErasedContent
{
    /// <summary>Posts, comments, organised events, ideas and named irritants stay, signed by a former colleague with no name.</summary>
    Pseudonymise,

    /// <summary>Posts, comments, organised events, ideas and named irritants go too.</summary>
    Delete,
}
