using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Renames a container (<c>docker rename</c>); a taken name gets Docker's conflict text.</summary>
    public async Task RenameAsync(string nameOrId, string newName, CancellationToken ct = default)
    {
        var id = _store.Resolve(nameOrId).Id;
        var name = ContainerNames.Validate(newName);
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            if (name == container.Name)
            {
                throw new InvalidArgumentException("Renaming a container with the same name as its current name");
            }
            _store.Rename(id, name);
            Emit("rename", container with { Name = name }, ("oldName", container.DockerName));
        }
    }
}
