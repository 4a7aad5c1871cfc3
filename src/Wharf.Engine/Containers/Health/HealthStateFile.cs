using System.Text.Json;

namespace Wharf.Engine.Containers.Health;

/// <summary>
/// A container's health (status, failing streak, probe log) in <c>health.json</c> of its directory, so that inspect shows it
/// and probing resumes from it after a daemon restart, as Docker keeps <c>State.Health</c> in the container's state file.
/// </summary>
public static class HealthStateFile
{
    /// <summary>The file name inside the container directory.</summary>
    public const string FileName = "health.json";

    /// <summary>The stored health, or null when there is none (never probed, or unreadable).</summary>
    public static HealthSnapshot? Load(string containerDirectory)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(containerDirectory, FileName));
            return JsonSerializer.Deserialize(stream, HealthJsonContext.Default.HealthSnapshot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the stored health atomically. Does nothing once the container directory is gone (the container was removed
    /// while a probe finished): the directory is never created here.
    /// </summary>
    public static void Save(string containerDirectory, HealthSnapshot snapshot)
    {
        var temporary = Path.Combine(containerDirectory, FileName + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, snapshot, HealthJsonContext.Default.HealthSnapshot);
            }
            File.Move(temporary, Path.Combine(containerDirectory, FileName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as Docker's: health is written again with the next probe or state change.
        }
    }
}
