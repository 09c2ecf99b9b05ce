#!/bin/sh
# InboxDesk's launcher on Linux: the build copies it over the bin/InboxDesk that jpackage makes.
#
# Why not jpackage's own: before it starts the JVM, that launcher asks the package managers which
# package it belongs to, on every start (rpm -qf and dpkg -S, each through /bin/sh, twice over),
# which put the first frame about 140 ms later than the same JVM started directly with the same
# options (docs/BENCHMARKS.md), and more on a system with many packages installed.
#
# This script does what that launcher does otherwise, from the same file, lib/app/<name>.cfg (the
# build's AOT cache training run, lib/app/check-aot-cache.sh and packaging/measure-common.sh read
# or change it too, so it stays the one place for the JVM's options), with shell builtins only (one
# readlink finds the script's own place through the /usr/bin/inboxdesk link), and then execs the
# runtime's java (through a link with the launcher's name, if there is one: see the end): the
# process, its PID, standard streams and exit code are the JVM's.
#
# What it honours, as jpackage's launcher does:
# - [Application] app.classpath (every line, joined with ':'), app.mainclass, app.mainjar,
#   app.modulepath, app.mainmodule, app.runtime, app.splash; [JavaOptions] java-options (every
#   line); [ArgOptions] arguments (every line, used only when the launcher gets no arguments).
# - Each line is one argument to java, exactly as written after the first '=': spaces, quotes and
#   all (a value cannot hold a line break). Empty lines and lines starting with ';' are skipped.
# - In every value: $APPDIR (lib/app), $BINDIR (bin), $ROOTDIR (the app's top folder) and
#   environment variables, as $NAME or ${NAME} (an unset one stays as written); \$ and \\ stand
#   for $ and \.
# - The JVM gets -Djpackage.app-path=<this script's real path> after the cfg's options, and the
#   arguments unchanged after the main class.
# Not the same: jpackage's launcher also looks for the cfg in ~/.local/<package>/ and
# ~/.<package>/ when a package owns it, and keeps only the last of a section given twice. It adds
# lib/app, which holds no libraries, to LD_LIBRARY_PATH (":lib/app" when that was unset: the
# current folder first, in the JVM's java.library.path and for every program the app starts); this
# script leaves LD_LIBRARY_PATH alone. java, unlike jpackage's launcher, reads JDK_JAVA_OPTIONS, so
# this script unsets it, and reads an option that starts with '@' as a file of options (no cfg
# line does). The script's own variables start with '_': a cfg that names one of them gets the
# script's value, not the environment's.

_self=$(readlink -f -- "$0") || exit 1
_bindir=${_self%/*}
_rootdir=${_bindir%/*}
_appdir=$_rootdir/lib/app
_name=${_self##*/}
_cfg=$_appdir/$_name.cfg
_nl='
'
_rb='}'

# _expand VALUE: sets _value to VALUE with the cfg's variables put in, as jpackage's launcher does
_expand() {
  _in=$1
  _value=
  while :; do
    case $_in in
      *[\$\\]*) ;;
      *) _value=$_value$_in; return ;;
    esac
    _head=${_in%%[\$\\]*}
    _value=$_value$_head
    _in=${_in#"$_head"}
    # shellcheck disable=SC2016 # '${' is meant literally
    case $_in in
      \\[\$\\]*) # an escaped $ or \
        _in=${_in#?}
        _value=$_value${_in%"${_in#?}"}
        _in=${_in#?}
        continue ;;
      '${'*"$_rb"*) # ${NAME}
        _var=${_in#??}
        _var=${_var%%"$_rb"*}
        _token="\${$_var}" ;;
      '${'*) # ${ without its }: the rest stays as written
        _value=$_value$_in
        return ;;
      \$[A-Za-z_]*) # $NAME
        _var=${_in#?}
        _var=${_var%%[!A-Za-z0-9_]*}
        _token=\$$_var ;;
      *) # a $ or \ that starts nothing
        _value=$_value${_in%"${_in#?}"}
        _in=${_in#?}
        continue ;;
    esac
    _in=${_in#"$_token"}
    case $_var in
      APPDIR) _value=$_value$_appdir ;;
      BINDIR) _value=$_value$_bindir ;;
      ROOTDIR) _value=$_value$_rootdir ;;
      [A-Za-z_]*[!A-Za-z0-9_]* | [!A-Za-z_]* | '') _value=$_value$_token ;;
      *)
        _set=
        eval "_set=\${$_var+set}"
        if [ "$_set" = set ]; then eval "_value=\$_value\$$_var"; else _value=$_value$_token; fi ;;
    esac
  done
}

if [ ! -r "$_cfg" ]; then
  echo "$_name: cannot read $_cfg" >&2
  exit 1
fi
_section=
_classpath=
_has_classpath=
_modulepath=
_options=
_arguments=
_mainclass=
_mainjar=
_mainmodule=
_runtime=$_rootdir/lib/runtime
_splash=
while IFS= read -r _line || [ -n "$_line" ]; do
  case $_line in
    '' | ';'*) continue ;;
    '['*']'*)
      _section=${_line#?}
      _section=${_section%]*}
      continue ;;
    '['*)
      echo "$_name: $_cfg: no ']' in: $_line" >&2
      exit 1 ;;
    *=*)
      _key=${_line%%=*}
      _expand "${_line#*=}" ;;
    *)
      _key=$_line
      _value= ;;
  esac
  case $_section/$_key in
    Application/app.classpath)
      _classpath=$_classpath${_has_classpath:+:}$_value
      _has_classpath=1 ;;
    Application/app.modulepath) _modulepath=$_modulepath--module-path$_nl$_value$_nl ;;
    Application/app.mainclass) _mainclass=$_value$_nl ;;
    Application/app.mainjar) _mainjar=-jar$_nl$_value$_nl ;;
    Application/app.mainmodule) _mainmodule=-m$_nl$_value$_nl ;;
    Application/app.runtime) _runtime=$_value ;;
    Application/app.splash) _splash=$_value ;;
    JavaOptions/java-options) _options=$_options$_value$_nl ;;
    ArgOptions/arguments) _arguments=$_arguments$_value$_nl ;;
  esac
done <"$_cfg"

# java's arguments, one a line, in the order jpackage's launcher gives them
_jvm=$_modulepath
if [ -n "$_has_classpath" ]; then
  _jvm=$_jvm-classpath$_nl$_classpath$_nl
fi
if [ -n "$_splash" ] && [ -f "$_splash" ]; then
  _jvm=$_jvm-splash:$_splash$_nl
fi
_jvm=$_jvm$_options-Djpackage.app-path=$_self$_nl$_mainmodule$_mainclass$_mainjar
if [ $# -eq 0 ]; then
  _jvm=$_jvm$_arguments
fi
# put them before this script's own arguments, which stay as they are: each in a variable of its
# own (_arg1, _arg2, ...), then "$@" set again from those and itself in one go
_refs=
_i=0
while [ -n "$_jvm" ]; do
  _i=$((_i + 1))
  eval "_arg$_i=\${_jvm%%\"\$_nl\"*}"
  _jvm=${_jvm#*"$_nl"}
  _refs="$_refs \"\$_arg$_i\""
done
eval "set -- $_refs \"\$@\""
# ps, top and pgrep name a process after the file it was started from: the build links
# lib/runtime/bin/InboxDesk to java, so that the JVM is InboxDesk there, as it was before
_java=$_runtime/bin/java
if [ -x "$_runtime/bin/$_name" ]; then
  _java=$_runtime/bin/$_name
fi
unset JDK_JAVA_OPTIONS
exec "$_java" "$@"
