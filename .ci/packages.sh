# Sourced by the .ci checks: install_packages PKG... installs Debian packages with apt-get (updating the index once),
# as root or through sudo; calls the sourcing script's fail() when that does not work.
apt_updated=
install_packages() {
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ -z "$apt_updated" ]; then
        $sudo apt-get update -qq || fail "apt-get update failed"
        apt_updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" \
        >/dev/null || fail "apt-get install $* failed"
}
