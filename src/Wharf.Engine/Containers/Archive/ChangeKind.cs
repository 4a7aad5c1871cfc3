namespace Wharf.Engine.Containers.Archive;

/// <summary>Docker's change kinds of <c>GET /containers/{id}/changes</c> (the numbers go on the wire).</summary>
public enum ChangeKind
{
    /// <summary><c>C</c>: modified.</summary>
    Modified = 0,
    /// <summary><c>A</c>: added.</summary>
    Added = 1,
    /// <summary><c>D</c>: deleted.</summary>
    Deleted = 2,
}
