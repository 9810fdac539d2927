using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// A WebAuthn authenticator in software (an ES256 key, "none" attestation, user verification always done), answering
/// the options Ruche's server sends exactly as navigator.credentials.create/get would serialise its answer, so the
/// server's real verification (challenge, origin, RP id hash, signature, counter) runs in the integration tests.
/// The browser tests use Chromium's own virtual authenticator instead.
/// </summary>
public sealed class SoftwareAuthenticator(string origin = "http://localhost") : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] credentialId = RandomNumberGenerator.GetBytes(16);
    private string userHandle = string.Empty;
    private uint signCount;

    public string CredentialId => WebEncoders.Base64UrlEncode(credentialId);

    /// <summary>The credential JSON for creation options (the JSON the server sent).</summary>
    public string Create(string optionsJson, string? challengeOverride = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string)options["rp"]!["id"]!;
        userHandle = (string)options["user"]!["id"]!;
        var clientData = ClientData("webauthn.create", challengeOverride ?? (string)options["challenge"]!);

        var parameters = key.ExportParameters(false);
        var cose = new CborWriter();
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);     // kty: EC2
        cose.WriteInt32(3); cose.WriteInt32(-7);    // alg: ES256
        cose.WriteInt32(-1); cose.WriteInt32(1);    // crv: P-256
        cose.WriteInt32(-2); cose.WriteByteString(parameters.Q.X!);
        cose.WriteInt32(-3); cose.WriteByteString(parameters.Q.Y!);
        cose.WriteEndMap();

        var attested = new List<byte>();
        attested.AddRange(new byte[16]); // AAGUID: unknown model
        attested.AddRange([(byte)(credentialId.Length >> 8), (byte)credentialId.Length]);
        attested.AddRange(credentialId);
        attested.AddRange(cose.Encode());
        var authenticatorData = AuthenticatorData(rpId, flags: 0x45, attested.ToArray()); // UP | UV | AT

        var attestation = new CborWriter();
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt"); attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt"); attestation.WriteStartMap(0); attestation.WriteEndMap();
        attestation.WriteTextString("authData"); attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();

        return JsonSerializer.Serialize(new
        {
            id = CredentialId,
            rawId = CredentialId,
            type = "public-key",
            authenticatorAttachment = "platform",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                attestationObject = WebEncoders.Base64UrlEncode(attestation.Encode()),
                transports = new[] { "internal" },
            },
            clientExtensionResults = new { },
        });
    }

    /// <summary>The credential JSON for request options: a signed assertion with the next sign count.</summary>
    public string Get(string optionsJson, string? originOverride = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string)options["rpId"]!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, originOverride);
        signCount++;
        var authenticatorData = AuthenticatorData(rpId, flags: 0x05, []); // UP | UV
        var signed = authenticatorData.Concat(SHA256.HashData(clientData)).ToArray();
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = CredentialId,
            rawId = CredentialId,
            type = "public-key",
            authenticatorAttachment = "platform",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                authenticatorData = WebEncoders.Base64UrlEncode(authenticatorData),
                signature = WebEncoders.Base64UrlEncode(signature),
                userHandle,
            },
            clientExtensionResults = new { },
        });
    }

    public void Dispose() => key.Dispose();

    private byte[] ClientData(string type, string challenge, string? originOverride = null) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = originOverride ?? origin, crossOrigin = false }));

    private byte[] AuthenticatorData(string rpId, byte flags, byte[] attested)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. count, .. attested];
    }
}
