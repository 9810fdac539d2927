using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Records;

/// <summary>
/// Drafting and co-editing negotiation records. A person of direction drafts one, naming the direction people and the
/// unions that are parties; every party edits it (each save is a version); an edit after any approval clears the
/// approvals and reopens review. Approval and publication are <see cref="NegotiationApprovals"/>.
/// </summary>
public sealed class NegotiationService(RucheDbContext db, ContentRenderer renderer, Notifier notifier, AuditLog audit, TimeProvider time)
{
    public async Task<long> DraftAsync(Viewer viewer, NegotiationDraft request, CancellationToken cancellationToken)
    {
        if (!viewer.IsInRole(RoleNames.Direction))
        {
            throw RucheException.Forbidden("records.direction-only", "Only direction drafts a negotiation record.");
        }

        var (title, subject, text) = Valid(request.Title, request.Subject, request.Text);
        var direction = await ValidDirectionAsync([viewer.PersonId, .. request.DirectionIds ?? []], cancellationToken);
        var unions = (request.UnionIds ?? []).Distinct().ToList();
        if (unions.Count == 0 || direction.Count + unions.Count > RecordsLimits.PartiesMax
            || await db.Set<Union>().CountAsync(u => unions.Contains(u.Id), cancellationToken) != unions.Count)
        {
            throw RucheException.Invalid("records.unions-invalid", "A negotiation record names at least one union that exists.");
        }

        // The audience is a space the drafter reads, never a union's or the staff representatives' (whose members are private).
        if (request.AudienceSpaceId is { } spaceId
            && !await db.Spaces.ReadableBy(viewer.PersonId).AnyAsync(s => s.Id == spaceId && !s.KeepsMembersPrivate(), cancellationToken))
        {
            throw RucheException.Invalid("records.audience-invalid", "No such space for the audience.");
        }

        var html = (await renderer.RenderAsync(text, cancellationToken)).Html;
        var now = time.UtcNow();
        var record = new NegotiationRecord
        {
            Title = title, Subject = subject, Text = text, TextHtml = html, Status = NegotiationStatus.Draft, Version = 1,
            AudienceSpaceId = request.AudienceSpaceId, CreatedById = viewer.PersonId, CreatedAt = now,
            Parties = [.. direction.Select(id => new NegotiationParty { PersonId = id }), .. unions.Select(id => new NegotiationParty { UnionId = id })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var drafter = record.Parties.First(p => p.PersonId == viewer.PersonId).Id;
        record.Versions.Add(new NegotiationVersion { Number = 1, Title = title, Text = text, PartyId = drafter, SavedAt = now });
        record.Steps.Add(new NegotiationStep { Kind = NegotiationStepKind.Drafted, Version = 1, PartyId = drafter, At = now });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "records.negotiation-drafted", $"negotiation:{record.Id}", new { parties = record.Parties.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>A party saves a new version. After any approval, the approvals are cleared and review reopens.</summary>
    public async Task EditAsync(Viewer viewer, long recordId, NegotiationEdit request, CancellationToken cancellationToken)
    {
        var (title, subject, text) = Valid(request.Title, request.Subject, request.Text);
        var html = (await renderer.RenderAsync(text, cancellationToken)).Html;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (record, party) = await HoldPartyAsync(viewer, recordId, cancellationToken);
        if (record.Status == NegotiationStatus.Published)
        {
            throw RucheException.Conflict("records.published-final", "A published record is final.");
        }

        var now = time.UtcNow();
        var reopened = record.Parties.Any(p => p.ApprovedVersion is not null) || record.Status == NegotiationStatus.Approved;
        record.Title = title;
        record.Subject = subject;
        record.Text = text;
        record.TextHtml = html;
        record.Version++;
        foreach (var p in record.Parties)
        {
            p.ApprovedVersion = null;
            p.ApprovedAt = null;
        }

        db.Add(new NegotiationVersion { RecordId = record.Id, Number = record.Version, Title = title, Text = text, PartyId = party.Id, SavedAt = now });
        db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.Edited, Version = record.Version, PartyId = party.Id, At = now });
        if (reopened)
        {
            record.Status = NegotiationStatus.Review;
            db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.Reopened, Version = record.Version, At = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (reopened)
        {
            await audit.RecordAsync(ActorOf(viewer, party), "records.negotiation-reopened", $"negotiation:{record.Id}", PartyDetail(party, record.Version), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (reopened)
        {
            await notifier.NotifyAsync(RecordsNotifications.ToApprove, viewer.PersonId, await SpeakersAsync(record.Id, cancellationToken), record.Id);
        }
    }

    /// <summary>A party submits the draft for review: every party is asked to approve.</summary>
    public async Task SubmitAsync(Viewer viewer, long recordId, CancellationToken cancellationToken)
    {
        var (record, party) = await RequirePartyAsync(viewer, recordId, cancellationToken);
        if (record.Status != NegotiationStatus.Draft)
        {
            throw RucheException.Conflict("records.not-draft", "Only a draft is submitted for review.");
        }

        record.Status = NegotiationStatus.Review;
        db.Add(new NegotiationStep { RecordId = record.Id, Kind = NegotiationStepKind.Submitted, Version = record.Version, PartyId = party.Id, At = time.UtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(RecordsNotifications.ToApprove, viewer.PersonId, await SpeakersAsync(record.Id, cancellationToken), record.Id);
    }

    /// <summary>
    /// <see cref="RequirePartyAsync"/> after taking the record's row, inside the caller's transaction: a party editing
    /// or approving at the same moment waits, then reads what this one wrote (the last approver publishes; an edit
    /// never overwrites a publication it did not see).
    /// </summary>
    internal async Task<(NegotiationRecord Record, NegotiationParty Party)> HoldPartyAsync(Viewer viewer, long recordId, CancellationToken cancellationToken)
    {
        await db.Set<NegotiationRecord>().Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), cancellationToken);
        return await RequirePartyAsync(viewer, recordId, cancellationToken);
    }

    /// <summary>The record, and the party the viewer speaks for (their own direction seat first, else a union they are a delegate of).</summary>
    internal async Task<(NegotiationRecord Record, NegotiationParty Party)> RequirePartyAsync(Viewer viewer, long recordId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var record = await db.Set<NegotiationRecord>().VisibleTo(me).Include(r => r.Parties).ThenInclude(p => p.Union).ThenInclude(u => u!.Delegates)
            .SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken) ?? throw NotFound();
        var party = record.Parties.FirstOrDefault(p => p.PersonId == me) ?? record.Parties.FirstOrDefault(p => p.Union?.Delegates.Any(d => d.PersonId == me) == true);
        return party is null ? throw RucheException.Forbidden("records.parties-only", "Only the record's named parties do this.") : (record, party);
    }

    /// <summary>Everyone who speaks for a party: the direction people named and the named unions' delegates.</summary>
    internal Task<List<long>> SpeakersAsync(long recordId, CancellationToken cancellationToken) =>
        db.Set<NegotiationParty>().Where(p => p.RecordId == recordId && p.PersonId != null).Select(p => p.PersonId!.Value)
            .Concat(db.Set<NegotiationParty>().Where(p => p.RecordId == recordId && p.UnionId != null)
                .SelectMany(p => p.Union!.Delegates.Select(d => d.PersonId)))
            .Distinct().ToListAsync(cancellationToken);

    /// <summary>A union's act is recorded as the union's, without the delegate (ADR 15); direction acts are the person's.</summary>
    internal static long? ActorOf(Viewer viewer, NegotiationParty party) => party.UnionId is null ? viewer.PersonId : null;

    internal static object PartyDetail(NegotiationParty party, int version) =>
        party.UnionId is { } unionId ? new { party = $"union:{unionId}", version } : new { party = "direction", version };

    internal static RucheException NotFound() => RucheException.NotFound("records.not-found", "No such record.");

    private async Task<List<long>> ValidDirectionAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.People.Where(p => wanted.Contains(p.Id) && p.IsActive
                && db.UserRoles.Any(ur => ur.UserId == p.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == RoleNames.Direction)))
            .CountAsync(cancellationToken);
        return found == wanted.Count && wanted.Count <= RecordsLimits.PartiesMax
            ? wanted
            : throw RucheException.Invalid("records.direction-invalid", "Direction parties are active people with the direction role.");
    }

    private static (string Title, string Subject, string Text) Valid(string? title, string? subject, string? text)
    {
        var t = Input.Text(title);
        var s = Input.Text(subject);
        var body = Input.Text(text);
        if (t.Length == 0 || t.Length > RecordsLimits.TitleMaxLength)
        {
            throw RucheException.Invalid("records.title-invalid", $"A title has 1 to {RecordsLimits.TitleMaxLength} characters.");
        }

        if (s.Length > RecordsLimits.SubjectMaxLength)
        {
            throw RucheException.Invalid("records.subject-invalid", $"A subject has at most {RecordsLimits.SubjectMaxLength} characters.");
        }

        return body.Length == 0 || body.Length > RecordsLimits.TextMaxLength
            ? throw RucheException.Invalid("records.text-invalid", $"The text has 1 to {RecordsLimits.TextMaxLength} characters.")
            : (t, s, body);
    }
}
