using Ruche.Core.Sealing;

namespace Ruche.Core.Reporting;

/// <summary>
/// How a case's texts are sealed: each purpose names the field and the case's code, so a sealed value copied into
/// another field or another case does not open there.
/// </summary>
public sealed class CaseSeals(Sealer sealer)
{
    public byte[] Text(string code, string text) => sealer.SealText(text, Purpose("text", code));

    public byte[] Identity(string code, string identity) => sealer.SealText(identity, Purpose("identity", code));

    public byte[] Concerned(string code, string concerned) => sealer.SealText(concerned, Purpose("concerned", code));

    public byte[] Message(string code, string text) => sealer.SealText(text, Purpose("message", code));

    public string? OpenText(string code, byte[]? value) => Open(value, Purpose("text", code));

    public string? OpenIdentity(string code, byte[]? value) => Open(value, Purpose("identity", code));

    public string? OpenConcerned(string code, byte[]? value) => Open(value, Purpose("concerned", code));

    public string? OpenMessage(string code, byte[]? value) => Open(value, Purpose("message", code));

    /// <summary>
    /// What links a named reporter's account to their case for their own export: a keyed fingerprint of the person id,
    /// which a database dump cannot turn back into the person without the key (and which no query joins to People).
    /// </summary>
    public byte[] Reporter(long personId) => sealer.Fingerprint(personId.ToString(System.Globalization.CultureInfo.InvariantCulture), "reporting.reporter");

    private string? Open(byte[]? value, string purpose) => value is null ? null : sealer.OpenText(value, purpose);

    private static string Purpose(string field, string code) => $"reporting.{field}:{code}";
}
