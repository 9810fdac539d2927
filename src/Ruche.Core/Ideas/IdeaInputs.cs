using Ruche.Core.Common;
using Ruche.Core.Content;

namespace Ruche.Core.Ideas;

/// <summary>What is typed to submit an idea or change its status, checked before any change.</summary>
public static class IdeaInputs
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 10_000;
    public const int ReasonMaxLength = 1_000;
    public const int TagsMax = 5;

    /// <summary>Status names as the API and the pages write them.</summary>
    public static readonly IReadOnlyDictionary<string, IdeaStatus> StatusNames = new Dictionary<string, IdeaStatus>(StringComparer.Ordinal)
    {
        ["new"] = IdeaStatus.New,
        ["under-review"] = IdeaStatus.UnderReview,
        ["accepted"] = IdeaStatus.Accepted,
        ["in-progress"] = IdeaStatus.InProgress,
        ["done"] = IdeaStatus.Done,
        ["declined"] = IdeaStatus.Declined,
    };

    public static string Name(IdeaStatus status) => StatusNames.First(s => s.Value == status).Key;

    /// <summary>A status by its name; null for none; refused when it is no status.</summary>
    public static IdeaStatus? StatusOrNull(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : StatusNames.TryGetValue(name.Trim(), out var status) ? status
        : throw RucheException.Invalid("idea.status-invalid", "The status is new, under-review, accepted, in-progress, done or declined.");

    public static CheckedIdea Check(string? title, string? description, IEnumerable<string>? tags)
    {
        var t = Input.Text(title);
        var d = Input.Text(description);
        if (t.Length == 0)
        {
            throw RucheException.Invalid("idea.title-required", "Give the idea a title.");
        }

        if (t.Length > TitleMaxLength)
        {
            throw RucheException.Invalid("idea.title-too-long", $"A title holds at most {TitleMaxLength} characters.");
        }

        if (d.Length > DescriptionMaxLength)
        {
            throw RucheException.Invalid("idea.description-too-long", $"A description holds at most {DescriptionMaxLength} characters.");
        }

        var keys = new List<string>();
        foreach (var tag in (tags ?? []).Where(x => !string.IsNullOrWhiteSpace(x)))
        {
            var key = Tags.Normalize(tag) ?? throw RucheException.Invalid("idea.tag-invalid", $"'{tag}' is not a tag: letters, digits and dashes.");
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        if (keys.Count > TagsMax)
        {
            throw RucheException.Invalid("idea.too-many-tags", $"An idea carries at most {TagsMax} tags.");
        }

        return new CheckedIdea(t, d, keys);
    }

    /// <summary>Tags as a form types them: separated by commas or spaces, with or without #.</summary>
    public static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string CheckReason(string? reason)
    {
        var r = Input.Text(reason);
        if (r.Length == 0)
        {
            throw RucheException.Invalid("idea.reason-required", "Give the reason for the status: the author and followers read it.");
        }

        return r.Length <= ReasonMaxLength ? r
            : throw RucheException.Invalid("idea.reason-too-long", $"A reason holds at most {ReasonMaxLength} characters.");
    }
}

public sealed record CheckedIdea(string Title, string Description, IReadOnlyList<string> Tags);
