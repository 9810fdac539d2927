namespace Ruche.Core.Common;

/// <summary>Documented input limits (README "Limits"). One place so UI, API and tests agree.</summary>
public static class Limits
{
    public const int PostBodyMaxLength = 10_000;
    public const int CommentBodyMaxLength = 4_000;
    public const int ImagesPerPost = 10;
    /// <summary>An uploaded image (ADR 26): a phone photo of 48 megapixels fits; what is kept is re-encoded and smaller.</summary>
    public const long ImageMaxBytes = 20 * 1024 * 1024;

    /// <summary>An image's pixels, checked from its header before decoding (a small file may claim a huge canvas).</summary>
    public const long ImageMaxPixels = 50_000_000;

    /// <summary>An uploaded document (PDF, office file, text, archive).</summary>
    public const long DocumentMaxBytes = 50 * 1024 * 1024;

    /// <summary>An image's description (its alt text).</summary>
    public const int ImageAltTextMaxLength = 500;
    public const int TagMaxLength = 50;
    public const int SpaceNameMaxLength = 80;
    public const int SpaceDescriptionMaxLength = 1_000;
    public const int DisplayNameMaxLength = 100;

    /// <summary>A directory's own id for a person or group (SCIM externalId: Entra object ids, Okta ids, DNs…).</summary>
    public const int ScimExternalIdMaxLength = 256;
    public const int JobTitleMaxLength = 100;
    public const int BioMaxLength = 2_000;
    public const int SkillMaxLength = 40;
    public const int SkillsPerPerson = 30;
    public const int GoalsPerDay = 3;
    public const int GoalMaxLength = 200;
    public const int GoalNoteMaxLength = 200;
    public const int GoalLinkMaxLength = 500;
    public const int EventTitleMaxLength = 200;
    public const int EventDescriptionMaxLength = 10_000;
    public const int EventInviteesMax = 200;
    public const int EventMaxDurationMinutes = 14 * 24 * 60;
    public const int PresenceNoteMaxLength = 80;
    public const int PageSizeDefault = 20;
    public const int PageSizeMax = 100;
    public const int PasskeysPerPerson = 10;
    public const int ReportNoteMaxLength = 500;
    public const int ModerationReasonMaxLength = 500;
    public const int PeoplePageSize = 50;

    /// <summary>The administrators' people list pages by offset, so it stops at this many rows in: search narrows instead.</summary>
    public const int PeopleOffsetMax = 10_000;
    public const int PasskeyNameMaxLength = 100;

    /// <summary>A WebAuthn credential as JSON is a few kilobytes; anything far larger is not one.</summary>
    public const int PasskeyCredentialMaxLength = 64 * 1024;
}
