package main

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os/exec"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	// Only hosts from the monitoring list may be pinged.
	allowed := map[string]bool{"example.com": true, "example.org": true, "10.0.0.1": true}
	target := r.URL.Query().Get("url")
	if u, err := url.Parse(target); err == nil && u.Hostname() != "" {
		target = u.Hostname()
	}
	if !allowed[target] {
		http.Error(w, "host not allowed", http.StatusForbidden)
		return
	}
	cmd := exec.Command("ping", "-c", "2", target)
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(w, "no reply")
		return
	}
	fmt.Fprintln(w, "reply received")
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
