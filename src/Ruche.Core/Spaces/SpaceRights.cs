namespace Ruche.Core.Spaces;

/// <summary>
/// Who may change a space's membership, decided in one place (ADR 11): the members page shows these permissions and
/// <see cref="SpaceService"/> checks the same ones. Moderating (approving, removing) needs the moderator or owner role
/// (<see cref="SpaceRules.IsModeratedBy"/>); these rules say what each of the two roles may do on top.
/// </summary>
public static class SpaceRights
{
    /// <summary>Only owners change members' roles.</summary>
    public static bool MayChangeRoles(SpaceRole? mine) => mine == SpaceRole.Owner;

    /// <summary>Moderators remove members and decline requests; only an owner removes another owner.</summary>
    public static bool MayRemove(SpaceRole? mine, SpaceRole theirs) =>
        mine == SpaceRole.Owner || (mine == SpaceRole.Moderator && theirs != SpaceRole.Owner);

    /// <summary>
    /// A space keeps at least one owner: a membership going from <paramref name="current"/> to <paramref name="next"/>
    /// (null: leaving or removed) needs another owner to remain when it stops being an owner.
    /// </summary>
    public static bool NeedsAnotherOwner(SpaceRole current, SpaceRole? next) => current == SpaceRole.Owner && next != SpaceRole.Owner;
}
