namespace Wharf.Daemon.Http;

/// <summary>Handles one API route.</summary>
public delegate Task ApiHandler(ApiRequest request);
