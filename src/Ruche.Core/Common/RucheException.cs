namespace Ruche.Core.Common;

/// <summary>
/// A use case refused the request. The code is stable (clients and translations key on it);
/// the message is an English explanation for logs and API consumers.
/// </summary>
public sealed class RucheException(ErrorKind kind, string code, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public string Code { get; } = code;

    public static RucheException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static RucheException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static RucheException Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);

    public static RucheException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
}

public enum ErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}
