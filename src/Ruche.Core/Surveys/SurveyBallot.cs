using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ruche.Core.Surveys;

/// <summary>
/// What a respondent's sealed ballot says: their band when they answered (if the survey is cut by one), the values of
/// each answered question and the free texts. It names no person, and reaches the database only as
/// <see cref="SurveyResponse"/>, <see cref="SurveyAnswer"/> and <see cref="SurveyComment"/> rows once mixed. A comment's
/// reply key is the hash of the respondent's reply code and the question: only the code's holder can find it again.
/// </summary>
public sealed record SurveyBallot(
    [property: JsonPropertyName("b")] long? Band,
    [property: JsonPropertyName("v")] Dictionary<long, int[]> Values,
    [property: JsonPropertyName("t")] Dictionary<long, string> Texts,
    [property: JsonPropertyName("k")] Dictionary<long, string>? ReplyKeys = null)
{
    public string Encode() => JsonSerializer.Serialize(this);

    public static SurveyBallot Decode(string ballot) =>
        JsonSerializer.Deserialize<SurveyBallot>(ballot) ?? throw new InvalidOperationException("An empty survey ballot.");
}
