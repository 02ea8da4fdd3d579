# Installs what Sim needs, only what is missing: the system libraries from Debian/Ubuntu packages (with sudo
# where not root) and the .NET 10 SDK, from the distribution where it packages dotnet-sdk-10.0 and otherwise
# with Microsoft's dotnet-install.sh into ~/.dotnet (no root needed). Sourced by ./play, ./test and .ci/run.

SIM_PACKAGES=(libsdl2-2.0-0 libsdl2-ttf-2.0-0 fonts-dejavu-core fontconfig libgl1 libegl1 libgl1-mesa-dri)
SIM_DOTNET_CHANNEL=10.0
SIM_DOTNET_INSTALL_URL=https://dot.net/v1/dotnet-install.sh
SIM_DOTNET_HOME="$HOME/.dotnet"
SIM_DOTNET_BY_HAND="curl -sSL $SIM_DOTNET_INSTALL_URL | bash -s -- --channel $SIM_DOTNET_CHANNEL --install-dir ~/.dotnet"

sim_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# True when a .NET 10 SDK answers; one installed in ~/.dotnet is put on PATH first.
sim_has_sdk() {
  if [ -x "$SIM_DOTNET_HOME/dotnet" ]; then
    case ":$PATH:" in *":$SIM_DOTNET_HOME:"*) ;; *) export PATH="$SIM_DOTNET_HOME:$PATH" ;; esac
    export DOTNET_ROOT="$SIM_DOTNET_HOME"
  fi
  command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q "^$SIM_DOTNET_CHANNEL\."
}

# The system packages of SIM_PACKAGES that dpkg does not have installed.
sim_missing_packages() {
  local p
  for p in "${SIM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# Microsoft's documented install script, into ~/.dotnet for this user; without a download, one line saying what to run.
sim_install_sdk_for_user() {
  local script
  script=$(mktemp)
  echo "installing: the .NET $SIM_DOTNET_CHANNEL SDK into $SIM_DOTNET_HOME (dotnet-install.sh; your distribution does not package dotnet-sdk-$SIM_DOTNET_CHANNEL)"
  if { command -v curl >/dev/null 2>&1 && curl -fsSL "$SIM_DOTNET_INSTALL_URL" -o "$script" 2>/dev/null; } ||
     { command -v wget >/dev/null 2>&1 && wget -q -O "$script" "$SIM_DOTNET_INSTALL_URL" 2>/dev/null; }; then
    bash "$script" --channel "$SIM_DOTNET_CHANNEL" --install-dir "$SIM_DOTNET_HOME" >/dev/null || true
  fi
  rm -f "$script"
  sim_has_sdk || {
    echo "error: the .NET $SIM_DOTNET_CHANNEL SDK is not installed and could not be downloaded; run: $SIM_DOTNET_BY_HAND" >&2
    exit 1
  }
}

sim_install_packages() {
  local missing=() need_sdk=0
  sim_has_sdk || need_sdk=1
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t missing < <(sim_missing_packages)
    if [ ${#missing[@]} -gt 0 ] || [ $need_sdk -eq 1 ]; then
      sim_as_root apt-get update -q >/dev/null || true
    fi
    if [ $need_sdk -eq 1 ] && apt-cache show "dotnet-sdk-$SIM_DOTNET_CHANNEL" >/dev/null 2>&1; then
      missing+=("dotnet-sdk-$SIM_DOTNET_CHANNEL")
    fi
    if [ ${#missing[@]} -gt 0 ]; then
      echo "installing: ${missing[*]}"
      sim_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null || {
        echo "error: could not install ${missing[*]} (apt-get install ${missing[*]})" >&2
        exit 1
      }
    fi
  else
    echo "note: not a Debian-like system; install SDL2, SDL2_ttf, fontconfig, a TrueType font and Mesa's OpenGL yourself (Fedora: dnf install SDL2 SDL2_ttf fontconfig dejavu-sans-fonts mesa-dri-drivers)" >&2
  fi
  sim_has_sdk || sim_install_sdk_for_user
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
