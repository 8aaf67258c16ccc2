package main

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"strings"

	"gopkg.in/yaml.v3"
)

func shell(w http.ResponseWriter, r *http.Request) {
	url := r.URL.Query().Get("url")
	// ruleid: go-command-injection
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+url).CombinedOutput()
	w.Write(out)
}

func bashSprintf(w http.ResponseWriter, r *http.Request) {
	cmd := fmt.Sprintf("ping -c 3 %s", r.FormValue("host"))
	// ruleid: go-command-injection
	exec.CommandContext(context.Background(), "/bin/bash", "-c", cmd).Run()
}

func fields(w http.ResponseWriter, r *http.Request) {
	parts := strings.Fields("ping -c 1 " + r.URL.Query().Get("url"))
	// ruleid: go-command-injection
	exec.Command(parts[0], parts[1:]...).Run()
}

func programName(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-command-injection
	exec.Command(r.FormValue("tool"), "--version").Run()
}

func decodedHook(w http.ResponseWriter, r *http.Request) {
	var m map[string]interface{}
	if err := yaml.NewDecoder(r.Body).Decode(&m); err != nil {
		return
	}
	// ruleid: go-command-injection
	exec.Command("sh", "-c", fmt.Sprint(m["hook"])).Run()
}

func plainArgs(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("url")
	// ok: go-command-injection
	exec.Command("ping", "-c", "1", "--", host).Run()
}

func constantShell(w http.ResponseWriter, r *http.Request) {
	// ok: go-command-injection
	exec.Command("sh", "-c", "uptime").Run()
}
