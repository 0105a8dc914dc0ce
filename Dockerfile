# syntax=docker/dockerfile:1
# ScrutinyTracker production image. Built by docker-compose.yml; see docs/deployment.md.

# ---- build ----------------------------------------------------------------
# No --platform=$BUILDPLATFORM here on purpose: Microsoft.Playwright copies the
# Node driver for the build machine's architecture, so the build must run on
# the target architecture.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the package layer is cached
# until a project file changes. The globs pick up Directory.*.props/targets and
# nuget.config if they are ever added; global.json always matches.
COPY global.json dotnet-tools.json Directory.* nuget.config* NuGet.config* ./
COPY src/ScrutinyTracker.Web/ScrutinyTracker.Web.csproj src/ScrutinyTracker.Web/
RUN dotnet restore src/ScrutinyTracker.Web/ScrutinyTracker.Web.csproj

COPY . .
RUN dotnet publish src/ScrutinyTracker.Web/ScrutinyTracker.Web.csproj \
        --configuration Release --no-restore --output /app/publish \
        -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------
# The .NET 10 images come only on Ubuntu 24.04, Alpine and Azure Linux; there is
# no Debian tag. Ubuntu's "chromium" package is a stub for the snap, which cannot
# run in a container, and Playwright's driver does not support Alpine (musl).
# So the runtime stage is Debian 13 with Debian's own chromium, and the ASP.NET
# Core runtime is copied from the official image of the same version.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM debian:trixie-slim AS final

ENV APP_UID=1654 \
    ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_ROOT=/usr/share/dotnet \
    Pdf__BrowserPath=/usr/bin/chromium

# .NET dependencies as in the official runtime-deps images, then Chromium and
# metric-compatible fonts for the PDF renderer.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates \
        libc6 \
        libgcc-s1 \
        libicu76 \
        libssl3t64 \
        libstdc++6 \
        tzdata \
        chromium \
        fonts-liberation \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid=$APP_UID app \
    && useradd --no-log-init --uid=$APP_UID --gid=$APP_UID --create-home app

COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

WORKDIR /app
COPY --from=build /app/publish .

# Data-protection keys and the SQLite file (when Database:Provider is Sqlite).
# Named volumes mounted here start with this ownership.
RUN mkdir -p /app/keys /app/App_Data \
    && chown $APP_UID:$APP_UID /app/keys /app/App_Data

USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "ScrutinyTracker.Web.dll"]
